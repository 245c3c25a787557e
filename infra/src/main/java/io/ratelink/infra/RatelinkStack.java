package io.ratelink.infra;

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
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole deployment: the tables from {@link Tables}, the capture/admin function behind an HTTP API, the
 * scheduled recompute, the stream-fed notifier, their roles, the secret, and the alarms.
 *
 * <p>Each module has a single {@code @Named} handler, so no function sets {@code QUARKUS_LAMBDA_HANDLER}. Every
 * function gets {@value #SECRET_ARN_ENV} and {@code secretsmanager:GetSecretValue} on the secret: core's
 * {@code SecretConfigSource} reads {@code ratelink.api-keys}, {@code ratelink.signing.*} and the SMTP credentials
 * from it, and none of them starts without those.
 */
public final class RatelinkStack extends Stack {

    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    public static final String LIVE_ALIAS = "live";

    /** The ratings item's flag for a score in the scale's low band (DynamoDB BOOL). */
    public static final String LOW_ATTRIBUTE = "low";
    /** The ratings item's status; only {@link #COUNTED_STATUS} ratings escalate, {@code suspect} ones wait for a person. */
    public static final String STATUS_ATTRIBUTE = "status";
    public static final String COUNTED_STATUS = "counted";

    public static final String SECRET_ARN_ENV = "RATELINK_SECRET_ARN";

    /** {@code ratelink.recompute.lease}'s default: a run's lease must outlast the function's timeout. */
    public static final Duration RECOMPUTE_LEASE = Duration.minutes(15);
    public static final Duration RECOMPUTE_TIMEOUT = Duration.minutes(10);
    public static final String INITIAL_SIGNING_KID = "k1";

    /**
     * A stack-created secret starts as this flat JSON of configuration properties; Secrets Manager generates the
     * first signing key into {@code ratelink.signing.keys.k1}, so no key material is ever in the template.
     */
    static final String SECRET_TEMPLATE = """
            {"ratelink.signing.active-kid":"%s","ratelink.api-keys":"","quarkus.mailer.username":"","quarkus.mailer.password":""}"""
            .formatted(INITIAL_SIGNING_KID);

    private final Function httpFunction;
    private final Function recomputeFunction;
    private final Function notifyFunction;

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
        ISecret secret = settings.existingSecret()
                .map(name -> Secret.fromSecretNameV2(this, "Secret", name))
                .orElseGet(() -> createdSecret(settings.stage(), keepInProd));
        PublicApi publicApi = new PublicApi(this, "PublicApi", "ratelink-" + settings.stage(), settings.customDomain());

        Map<String, String> common = new LinkedHashMap<>();
        common.put("QUARKUS_PROFILE", "prod");
        common.put(SECRET_ARN_ENV, secret.getSecretArn());
        common.putAll(tables.nameEnvironment());
        Map<String, String> linksAndTickets = new LinkedHashMap<>();
        linksAndTickets.put("RATELINK_BASE_URL", publicApi.baseUrl());
        linksAndTickets.put("RATELINK_HELPDESK_TICKET_URL", helpdeskTicketUrl.getValueAsString());
        Map<String, String> smtp = new LinkedHashMap<>();
        smtp.put("QUARKUS_MAILER_FROM", senderAddress.getValueAsString());
        smtp.put("QUARKUS_MAILER_HOST", Fn.sub("email-smtp.${AWS::Region}.amazonaws.com"));
        smtp.put("QUARKUS_MAILER_PORT", "587");
        smtp.put("QUARKUS_MAILER_START_TLS", "REQUIRED");

        RetentionDays logRetention = prod ? RetentionDays.THREE_MONTHS : RetentionDays.TWO_WEEKS;
        String secretResource = secret.getSecretFullArn() != null ? secret.getSecretFullArn() : secret.getSecretArn() + "-??????";

        // POST /v1/escalations/{id}/retry sends the escalation again from the HTTP function, so it mails like notify.
        // A customer waits on a click: the SDK's standard mode gives up after 3 attempts instead of DynamoDB's 9.
        Map<String, String> shortRetries = new LinkedHashMap<>();
        shortRetries.put("AWS_RETRY_MODE", "standard");
        shortRetries.put("AWS_MAX_ATTEMPTS", "3");
        httpFunction = function(new FunctionShape("Http", "ratelink capture (rating links) and admin API",
                        artifacts.httpZip(), 1024, Duration.seconds(15)),
                merged(merged(merged(common, linksAndTickets), smtp), shortRetries), logRetention, keepInProd,
                secretResource, true);
        recomputeFunction = function(new FunctionShape("Recompute", "ratelink recompute: changed ratings into score histograms and windows",
                        artifacts.recomputeZip(), 1024, RECOMPUTE_TIMEOUT),
                common, logRetention, keepInProd, secretResource, false);
        notifyFunction = function(new FunctionShape("Notify", "ratelink notify: escalation emails for low ratings",
                        artifacts.notifyZip(), 1024, Duration.seconds(60)),
                merged(merged(common, linksAndTickets), smtp), logRetention, keepInProd, secretResource, false);

        tables.grant(httpFunction.getRole(), TableAccess.HTTP);
        tables.grant(recomputeFunction.getRole(), TableAccess.RECOMPUTE);
        tables.grant(notifyFunction.getRole(), TableAccess.NOTIFY);

        Alias httpLive = Alias.Builder.create(this, "HttpLiveAlias")
                .aliasName(LIVE_ALIAS)
                .version(httpFunction.getCurrentVersion())
                .build();
        publicApi.routeTo(httpLive, !prod);

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

        Monitoring monitoring = new Monitoring(this, "Monitoring", settings.stage(), settings.alarmEmail());
        monitoring.alarmOnErrors("Http", httpFunction);
        monitoring.alarmOnErrors("Recompute", recomputeFunction);
        monitoring.alarmOnErrors("Notify", notifyFunction);
        monitoring.alarmOnStreamLag(notifyFunction);
        monitoring.alarmOnMessages("NotifyStreamFailures", notifyFailures,
                "Stream records notify gave up on: low ratings that may not have escalated");
        monitoring.alarmOnMessages("RecomputeScheduleDlq", recomputeScheduleDlq,
                "Scheduled recompute runs EventBridge could not deliver");
        monitoring.alarmOnFailedEscalations(notifyFunction.getLogGroup());

        CfnOutput.Builder.create(this, "BaseUrl").value(publicApi.baseUrl())
                .description("Origin of the rating links and the admin API").build();
        CfnOutput.Builder.create(this, "ApiEndpoint").value(publicApi.api().getApiEndpoint()).build();
        publicApi.domain().ifPresent(domain -> CfnOutput.Builder.create(this, "CustomDomainTarget")
                .value(domain.getRegionalDomainName())
                .description("Point a CNAME (or alias) for the custom domain at this").build());
        CfnOutput.Builder.create(this, "SecretArn").value(secret.getSecretArn()).build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(monitoring.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "NotifyStreamFailuresQueueUrl").value(notifyFailures.getQueueUrl()).build();
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

    /** Wakes notify only for ratings in the low band that count, and never for suspect clicks or deletions. */
    static Map<String, Object> lowCountedRatingsOnly() {
        Map<String, Object> newImage = new LinkedHashMap<>();
        newImage.put(LOW_ATTRIBUTE, Map.of("BOOL", FilterRule.isEqual(true)));
        newImage.put(STATUS_ATTRIBUTE, Map.of("S", FilterRule.isEqual(COUNTED_STATUS)));
        return FilterCriteria.filter(Map.of("dynamodb", Map.of("NewImage", newImage)));
    }

    private Secret createdSecret(String stage, RemovalPolicy removalPolicy) {
        return Secret.Builder.create(this, "Secret")
                .description("ratelink " + stage + ": signing keys, API keys and SMTP credentials, a flat JSON of configuration properties")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate(SECRET_TEMPLATE)
                        .generateStringKey("ratelink.signing.keys." + INITIAL_SIGNING_KID)
                        .passwordLength(64)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(removalPolicy)
                .build();
    }

    private Function function(FunctionShape shape, Map<String, String> environment, RetentionDays logRetention,
                              RemovalPolicy removalPolicy, String secretResource, boolean snapStart) {
        LogGroup logs = LogGroup.Builder.create(this, shape.name() + "Logs")
                .retention(logRetention)
                .removalPolicy(removalPolicy)
                .build();
        Role role = Role.Builder.create(this, shape.name() + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(shape.description())
                .build();
        logs.grantWrite(role);
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(secretResource))
                .build());
        Function.Builder function = Function.Builder.create(this, shape.name() + "Function")
                .description(shape.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(shape.artifact().toString()))
                .memorySize(shape.memoryMb())
                .timeout(shape.timeout())
                .role(role)
                .logGroup(logs)
                .environment(environment);
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
