package io.ratelink.infra;

import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingItem;
import io.ratelink.storage.TableSpec;
import io.ratelink.storage.Tables;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole deployment: the tables from {@link Tables}, behind an HTTP API the capture function (the rating links)
 * and the HTTP function (the admin API and the dashboard), the scheduled recompute, the stream-fed notifier and the queue-fed escalation sender, their roles, the secrets, and
 * the alarms.
 *
 * <p>The notify module's {@code function.zip} is deployed twice, and {@code QUARKUS_LAMBDA_HANDLER} picks its
 * handler: {@code notify} reads the ratings stream and schedules settle checks on the escalation queue,
 * {@code escalate} consumes that queue and sends the emails. Work longer than a request does not run in the HTTP
 * function: it hands a recompute to the recompute function (an asynchronous invocation) and an escalation replay to
 * the queue.
 *
 * <p>Each function reads only the secret values it uses, through {@value #SECRET_ARN_ENV} (core's
 * {@code SecretConfigSource}): the capture and HTTP functions the keys secret (signing and API keys), the escalation
 * sender the mail secret (SMTP credentials); notify and recompute get no secret. The capture and HTTP functions are
 * snapshotted (SnapStart) and primed before the snapshot; API Gateway invokes their {@value #LIVE_ALIAS} aliases.
 */
public final class RatelinkStack extends Stack {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    public static final String LIVE_ALIAS = "live";

    public static final String SECRET_ARN_ENV = "RATELINK_SECRET_ARN";
    /** {@code ratelink.escalation.queue-url}: where settle checks and replays of escalations are sent. */
    public static final String ESCALATION_QUEUE_URL_ENV = "RATELINK_ESCALATION_QUEUE_URL";
    /** {@code ratelink.recompute.function}: the function {@code POST /v1/recompute} invokes. */
    public static final String RECOMPUTE_FUNCTION_ENV = "RATELINK_RECOMPUTE_FUNCTION";
    /** Selects one of the notify module's named handlers. */
    public static final String LAMBDA_HANDLER_ENV = "QUARKUS_LAMBDA_HANDLER";
    public static final String NOTIFY_HANDLER = "notify";
    public static final String ESCALATE_HANDLER = "escalate";

    /** {@code ratelink.recompute.lease}'s default: a run's lease must outlast the function's timeout. */
    public static final Duration RECOMPUTE_LEASE = Duration.minutes(15);
    public static final Duration RECOMPUTE_TIMEOUT = Duration.minutes(10);
    public static final Duration HTTP_TIMEOUT = Duration.seconds(15);
    /** A person waits on a click: DynamoDB is given up on after 2 s (ratelink's own timeouts), the page says so. */
    public static final Duration CAPTURE_TIMEOUT = Duration.seconds(10);
    public static final Duration NOTIFY_TIMEOUT = Duration.seconds(60);
    public static final Duration ESCALATE_TIMEOUT = Duration.seconds(120);
    /** Lambda's advice for a queue feeding a function: at least six times the function's timeout. */
    public static final Duration ESCALATION_VISIBILITY_TIMEOUT = Duration.seconds(6 * 120);
    /** Receives of one message before it is parked on the escalation dead-letter queue. */
    public static final int ESCALATION_MAX_RECEIVES = 5;
    public static final int ESCALATION_BATCH_SIZE = 10;
    public static final String INITIAL_SIGNING_KID = "k1";

    /**
     * A stack-created keys secret starts as this flat JSON of configuration properties; Secrets Manager generates
     * the first signing key into {@code ratelink.signing.keys.k1}, so no key material is ever in the template. Secrets
     * Manager generates one value only: the dashboard's key ({@code ratelink.dashboard.signing.keys.k1}) is added with
     * the API keys before the first traffic.
     */
    static final String KEYS_SECRET_TEMPLATE = """
            {"ratelink.signing.active-kid":"%s","ratelink.dashboard.signing.active-kid":"%s","ratelink.api-keys":""}"""
            .formatted(INITIAL_SIGNING_KID, INITIAL_SIGNING_KID);

    /**
     * A stack-created mail secret starts with an empty SMTP user name and a generated password that no SMTP server
     * accepts: both are replaced with the SES SMTP credentials before the first escalation.
     */
    static final String MAIL_SECRET_TEMPLATE = """
            {"ratelink.smtp.username":""}""";
    static final String MAIL_SECRET_GENERATED_KEY = "ratelink.smtp.password";

    private final Function captureFunction;
    private final Function httpFunction;
    private final Function recomputeFunction;
    private final Function notifyFunction;
    private final Function escalateFunction;

    private record FunctionShape(String name, String description, Path artifact, int memoryMb, Duration timeout) {
    }

    public RatelinkStack(Construct scope, String id, StackProps props, StackSettings settings, FunctionArtifacts artifacts) {
        this(scope, id, props, settings, artifacts, Tables.ALL);
    }

    public RatelinkStack(Construct scope, String id, StackProps props, StackSettings settings, FunctionArtifacts artifacts,
                         List<TableSpec> tableSpecs) {
        super(scope, id, props);
        artifacts.requireAllExist();
        boolean prod = settings.isProd();
        RemovalPolicy keepInProd = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        CfnParameter recomputeSchedule = CfnParameter.Builder.create(this, "RecomputeSchedule")
                .type("String")
                .defaultValue("rate(15 minutes)")
                .allowedPattern("^(rate|cron)\\(.+\\)$")
                .description("How often recompute folds changed ratings into scores: an EventBridge rate() or cron() expression")
                .build();
        CfnParameter senderAddress = CfnParameter.Builder.create(this, "SenderAddress")
                .type("String")
                .allowedPattern("^.+@.+$")
                .description("From address of escalation emails; must be a verified SES identity")
                .build();
        CfnParameter helpdeskTicketUrl = CfnParameter.Builder.create(this, "HelpdeskTicketUrl")
                .type("String")
                .defaultValue("")
                .description("Link to a ticket in the helpdesk, {ticketId} replaced, e.g. https://support.example.com/tickets/{ticketId}; empty for none")
                .build();

        RatelinkTables tables = new RatelinkTables(this, "Tables", tableSpecs, prod);
        ISecret keysSecret = settings.existingKeysSecret()
                .map(name -> Secret.fromSecretNameV2(this, "KeysSecret", name))
                .orElseGet(() -> createdSecret("KeysSecret", settings.stage() + ": signing keys and API keys (the http function)",
                        KEYS_SECRET_TEMPLATE, "ratelink.signing.keys." + INITIAL_SIGNING_KID, keepInProd));
        ISecret mailSecret = settings.existingMailSecret()
                .map(name -> Secret.fromSecretNameV2(this, "MailSecret", name))
                .orElseGet(() -> createdSecret("MailSecret", settings.stage() + ": SMTP credentials (the escalate function)",
                        MAIL_SECRET_TEMPLATE, MAIL_SECRET_GENERATED_KEY, keepInProd));
        PublicApi publicApi = new PublicApi(this, "PublicApi", "ratelink-" + settings.stage(), settings.customDomain());

        Queue escalationDlq = queue("EscalationDlq");
        Queue escalationQueue = Queue.Builder.create(this, "EscalationQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(ESCALATION_VISIBILITY_TIMEOUT)
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(escalationDlq).maxReceiveCount(ESCALATION_MAX_RECEIVES).build())
                .build();

        Map<String, String> common = new LinkedHashMap<>();
        common.put("QUARKUS_PROFILE", "prod");
        common.putAll(tables.nameEnvironment());
        Map<String, String> linksAndTickets = new LinkedHashMap<>();
        linksAndTickets.put("RATELINK_BASE_URL", publicApi.baseUrl());
        linksAndTickets.put("RATELINK_HELPDESK_TICKET_URL", helpdeskTicketUrl.getValueAsString());
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("RATELINK_SMTP_FROM", senderAddress.getValueAsString());
        smtp.put("RATELINK_SMTP_HOST", Fn.sub("email-smtp.${AWS::Region}.amazonaws.com"));
        smtp.put("RATELINK_SMTP_PORT", "587");
        smtp.put("RATELINK_SMTP_TLS", "starttls");
        Map<String, String> escalationQueueUrl = Map.of(ESCALATION_QUEUE_URL_ENV, escalationQueue.getQueueUrl());

        RetentionDays logRetention = prod ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS;

        recomputeFunction = function(new FunctionShape("Recompute", "ratelink recompute: changed ratings into score histograms and windows",
                        artifacts.recomputeZip(), 1024, RECOMPUTE_TIMEOUT),
                common, Optional.empty(), logRetention, keepInProd, false);
        captureFunction = function(new FunctionShape("Capture", "ratelink capture: the rating links, a click recorded",
                        artifacts.captureZip(), 1024, CAPTURE_TIMEOUT),
                merged(common, linksAndTickets), Optional.of(keysSecret), logRetention, keepInProd, true);
        Map<String, String> httpEnvironment = merged(merged(common, linksAndTickets), escalationQueueUrl);
        httpEnvironment.put(RECOMPUTE_FUNCTION_ENV, recomputeFunction.getFunctionArn());
        httpFunction = function(new FunctionShape("Http", "ratelink admin API and dashboard",
                        artifacts.httpZip(), 1024, HTTP_TIMEOUT),
                httpEnvironment, Optional.of(keysSecret), logRetention, keepInProd, true);
        Map<String, String> notifyEnvironment = merged(common, escalationQueueUrl);
        notifyEnvironment.put(LAMBDA_HANDLER_ENV, NOTIFY_HANDLER);
        notifyFunction = function(new FunctionShape("Notify", "ratelink notify: schedules the escalation of low ratings from the stream",
                        artifacts.notifyZip(), 1024, NOTIFY_TIMEOUT),
                notifyEnvironment, Optional.empty(), logRetention, keepInProd, false);
        Map<String, String> escalateEnvironment = merged(merged(merged(common, linksAndTickets), smtp), escalationQueueUrl);
        escalateEnvironment.put(LAMBDA_HANDLER_ENV, ESCALATE_HANDLER);
        escalateFunction = function(new FunctionShape("Escalate", "ratelink escalate: escalation emails for low ratings, from the queue",
                        artifacts.notifyZip(), 1024, ESCALATE_TIMEOUT),
                escalateEnvironment, Optional.of(mailSecret), logRetention, keepInProd, false);

        tables.grant(captureFunction.getRole(), TableAccess.CAPTURE);
        tables.grant(httpFunction.getRole(), TableAccess.HTTP);
        tables.grant(recomputeFunction.getRole(), TableAccess.RECOMPUTE);
        tables.grant(escalateFunction.getRole(), TableAccess.ESCALATE);
        for (Function sender : List.of(httpFunction, notifyFunction, escalateFunction)) {
            sender.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("sqs:SendMessage"))
                    .resources(List.of(escalationQueue.getQueueArn()))
                    .build());
        }
        httpFunction.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("lambda:InvokeFunction"))
                .resources(List.of(recomputeFunction.getFunctionArn()))
                .build());

        Alias captureLive = Alias.Builder.create(this, "CaptureLiveAlias")
                .aliasName(LIVE_ALIAS)
                .version(captureFunction.getCurrentVersion())
                .build();
        Alias httpLive = Alias.Builder.create(this, "HttpLiveAlias")
                .aliasName(LIVE_ALIAS)
                .version(httpFunction.getCurrentVersion())
                .build();
        publicApi.routeTo(captureLive, httpLive);

        Queue recomputeScheduleDlq = queue("RecomputeScheduleDlq");
        Rule.Builder.create(this, "RecomputeScheduleRule")
                .description("Runs the incremental recompute")
                .schedule(Schedule.expression(recomputeSchedule.getValueAsString()))
                .targets(List.of(LambdaFunction.Builder.create(recomputeFunction)
                        .retryAttempts(3)
                        .maxEventAge(Duration.minutes(30))
                        .deadLetterQueue(recomputeScheduleDlq)
                        .build()))
                .build();

        Queue notifyFailures = queue("NotifyStreamFailures");
        notifyFunction.addEventSource(DynamoEventSource.Builder.create(tables.table(Tables.RATINGS))
                .startingPosition(StartingPosition.LATEST)
                .batchSize(10)
                .filters(List.of(lowCountedRatingsOnly()))
                .reportBatchItemFailures(true)
                .bisectBatchOnError(true)
                .retryAttempts(5)
                .maxRecordAge(Duration.hours(6))
                .onFailure(new SqsDlq(notifyFailures))
                .build());
        escalateFunction.addEventSource(SqsEventSource.Builder.create(escalationQueue)
                .batchSize(ESCALATION_BATCH_SIZE)
                .reportBatchItemFailures(true)
                .build());

        Monitoring monitoring = new Monitoring(this, "Monitoring", settings.stage(), settings.alarmEmail());
        monitoring.alarmOnErrors("Capture", captureFunction);
        monitoring.alarmOnErrors("Http", httpFunction);
        monitoring.alarmOnErrors("Recompute", recomputeFunction);
        monitoring.alarmOnErrors("Notify", notifyFunction);
        monitoring.alarmOnErrors("Escalate", escalateFunction);
        monitoring.alarmOnStreamLag(notifyFunction);
        monitoring.alarmOnMessages("NotifyStreamFailures", notifyFailures,
                "Stream records notify gave up on: low ratings that may not have escalated");
        monitoring.alarmOnMessages("RecomputeScheduleDlq", recomputeScheduleDlq,
                "Scheduled recompute runs EventBridge could not deliver");
        monitoring.alarmOnMessages("EscalationDlq", escalationDlq,
                "Escalation messages the escalate function failed " + ESCALATION_MAX_RECEIVES + " times: escalations that may not have been sent");
        monitoring.alarmOnFailedEscalations(List.of(escalateFunction.getLogGroup(), notifyFunction.getLogGroup()));

        CfnOutput.Builder.create(this, "BaseUrl").value(publicApi.baseUrl())
                .description("Origin of the rating links and the admin API").build();
        CfnOutput.Builder.create(this, "ApiEndpoint").value(publicApi.api().getApiEndpoint()).build();
        publicApi.domain().ifPresent(domain -> CfnOutput.Builder.create(this, "CustomDomainTarget")
                .value(domain.getRegionalDomainName())
                .description("Point a CNAME (or alias) for the custom domain at this").build());
        CfnOutput.Builder.create(this, "KeysSecretArn").value(keysSecret.getSecretArn())
                .description("Signing and API keys, read by the capture and http functions").build();
        CfnOutput.Builder.create(this, "MailSecretArn").value(mailSecret.getSecretArn())
                .description("SMTP credentials, read by the escalate function").build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(monitoring.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "NotifyStreamFailuresQueueUrl").value(notifyFailures.getQueueUrl()).build();
        CfnOutput.Builder.create(this, "EscalationQueueUrl").value(escalationQueue.getQueueUrl()).build();
        CfnOutput.Builder.create(this, "EscalationDlqUrl").value(escalationDlq.getQueueUrl()).build();
    }

    public Function captureFunction() {
        return captureFunction;
    }

    public Function httpFunction() {
        return httpFunction;
    }

    public Function recomputeFunction() {
        return recomputeFunction;
    }

    public Function notifyFunction() {
        return notifyFunction;
    }

    public Function escalateFunction() {
        return escalateFunction;
    }

    /**
     * Wakes notify only for ratings in the low band that count, and never for suspect clicks or deletions: the same
     * attributes and value that {@code SettleChecks.passesEventSourceFilter} checks.
     */
    static Map<String, Object> lowCountedRatingsOnly() {
        Map<String, Object> newImage = new LinkedHashMap<>();
        newImage.put(RatingItem.LOW, Map.of("BOOL", FilterRule.isEqual(true)));
        newImage.put(RatingItem.STATUS, Map.of("S", FilterRule.isEqual(RatingStatus.COUNTED.attributeValue())));
        return FilterCriteria.filter(Map.of("dynamodb", Map.of("NewImage", newImage)));
    }

    private Secret createdSecret(String id, String description, String template, String generatedKey,
                                 RemovalPolicy removalPolicy) {
        return Secret.Builder.create(this, id)
                .description("ratelink " + description + ", a flat JSON of configuration properties")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate(template)
                        .generateStringKey(generatedKey)
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(removalPolicy)
                .build();
    }

    /** A function with its own role and log group; with a secret, its ARN in {@value #SECRET_ARN_ENV} and leave to read it. */
    private Function function(FunctionShape shape, Map<String, String> environment, Optional<ISecret> secret,
                              RetentionDays logRetention, RemovalPolicy removalPolicy, boolean snapStart) {
        LogGroup logs = LogGroup.Builder.create(this, shape.name() + "Logs")
                .retention(logRetention)
                .removalPolicy(removalPolicy)
                .build();
        Role role = Role.Builder.create(this, shape.name() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(shape.description())
                .build();
        logs.grantWrite(role);
        Map<String, String> withSecret = new LinkedHashMap<>(environment);
        secret.ifPresent(readable -> {
            withSecret.put(SECRET_ARN_ENV, readable.getSecretArn());
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(readable.getSecretFullArn() != null
                            ? readable.getSecretFullArn() : readable.getSecretArn() + "-??????"))
                    .build());
        });
        Function.Builder function = Function.Builder.create(this, shape.name() + "Function")
                .description(shape.description())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(shape.artifact().toString()))
                .memorySize(shape.memoryMb())
                .timeout(shape.timeout())
                .role(role)
                .logGroup(logs)
                .environment(withSecret);
        if (snapStart) {
            function.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        return function.build();
    }

    private Queue queue(String id) {
        return Queue.Builder.create(this, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
    }

    private static Map<String, String> merged(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }
}
