package io.ratelink.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.SignIn;
import io.ratelink.dashboard.access.SignInLink;
import io.ratelink.delivery.DueTask;
import io.ratelink.delivery.sqs.DueTaskMessages;
import io.ratelink.escalate.EscalationTasks;
import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.local.EmbeddedSqs;
import io.ratelink.local.LocalhostCertificate;
import io.ratelink.local.PackagedFunction;
import io.ratelink.survey.SigningKeys;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function.zip on its own, as Lambda runs it (its classes and lib/ the whole class path, the production
 * profile), with each of its handlers: {@code notify} turns a stream record into a settle check on the queue, and
 * {@code escalate} sends the escalation and a sign-in link over SMTP with TLS (to a server whose certificate it checks
 * against a trust store of its own). The module's other tests run with the
 * whole test class path; this one shows that nothing the handlers need was left out of the zip.
 */
class PackagedFunctionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ZIP = Path.of("target", "function.zip");
    private static final String FALLBACK = "leads@ratelink.test";

    private GreenMail smtps;

    @BeforeAll
    static void smtpsServesACertificateForLocalhost() {
        LocalhostCertificate.get().serveFromGreenMail();
    }

    @BeforeEach
    void startSmtpsServer() {
        smtps = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtps").dynamicPort());
        smtps.start();
    }

    @AfterEach
    void stopSmtpsServer() {
        smtps.stop();
    }

    @Test
    void notifyQueuesASettleCheckAndEscalateMailsTheEscalationAndASignInLinkOverTls() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String stream = StreamEvents.fixture("insert-low-click.json", surveyId, StreamEvents.newAgentId());
        SqsClient sqs = EmbeddedSqs.client();
        sqs.purgeQueue(request -> request.queueUrl(EmbeddedSqs.escalationQueueUrl()));

        try (PackagedFunction notify = PackagedFunction.start(ZIP, environment("notify"))) {
            PackagedFunction.Result result = notify.invoke(stream);

            assertThat(result.failed()).as("%s%n%s", result.body(), notify.output()).isFalse();
            assertThat(JSON.readTree(result.body()).path("batchItemFailures")).as(result.body()).isEmpty();
        }
        List<Message> queued = sqs.receiveMessage(request -> request.queueUrl(EmbeddedSqs.escalationQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(5)).messages();
        assertThat(queued).extracting(Message::body).containsExactly(DueTaskMessages.write(EscalationTasks.check(surveyId, 1)));

        try (DynamoDbClient dynamo = EmbeddedDynamoDb.client();
                PackagedFunction escalate = PackagedFunction.start(ZIP, environment("escalate"))) {
            TableWrites.writeNewImages(dynamo, "ratelink-ratings", stream);
            String signInLink = new AccessTokens(SigningKeys.of("k1", Map.of("k1", "a-dashboard-key-of-at-least-32-bytes")),
                    Clock.systemUTC()).mintLink(new SignInLink("lead@ratelink.test", "link-1", "ro", Optional.empty(),
                    Instant.now().plus(Duration.ofMinutes(15))));

            PackagedFunction.Result result = escalate.invoke(sqsEvent(queued.get(0).body(),
                    DueTaskMessages.write(DueTask.of(SignIn.TASK_KIND, signInLink, 0))));

            assertThat(result.failed()).as("%s%n%s", result.body(), escalate.output()).isFalse();
            assertThat(JSON.readTree(result.body()).path("batchItemFailures")).as(escalate.output()).isEmpty();
            assertThat(smtps.waitForIncomingEmail(10_000, 2)).as(escalate.output()).isTrue();
            assertThat(Arrays.stream(smtps.getReceivedMessages()).map(PackagedFunctionIT::recipient))
                    .containsExactlyInAnyOrder(FALLBACK, "lead@ratelink.test");
        }
    }

    private Map<String, String> environment(String handler) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_LAMBDA_HANDLER", handler);
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", EmbeddedDynamoDb.endpoint());
        environment.put("RATELINK_TABLES_CREATE", "true");
        environment.put("RATELINK_SQS_ENDPOINT_OVERRIDE", EmbeddedSqs.endpoint());
        environment.put("RATELINK_ESCALATION_QUEUE_URL", EmbeddedSqs.escalationQueueUrl());
        environment.put("RATELINK_ESCALATION_FALLBACK_ADDRESS", FALLBACK);
        environment.put("RATELINK_ESCALATION_SETTLE", "1s");
        environment.put("RATELINK_SCANNERS_BURST_WINDOW", "1s");
        environment.put("RATELINK_SCANNERS_CORRECTION_GAP", "500ms");
        environment.put("RATELINK_SMTP_FROM", "ratelink@ratelink.test");
        environment.put("RATELINK_SMTP_HOST", "localhost");
        environment.put("RATELINK_SMTP_PORT", Integer.toString(smtps.getSmtps().getPort()));
        environment.put("RATELINK_SMTP_TLS", "tls");
        environment.put("RATELINK_SMTP_TRUST_STORE", LocalhostCertificate.get().trustStore().toAbsolutePath().toString());
        environment.put("RATELINK_SMTP_TRUST_STORE_PASSWORD", LocalhostCertificate.get().trustStorePassword());
        return environment;
    }

    /** An SQS batch as Lambda's event source hands it to the function, one record per body. */
    private static String sqsEvent(String... bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.length; i++) {
            records.addObject()
                    .put("messageId", "message-" + i)
                    .put("receiptHandle", "receipt-" + i)
                    .put("body", bodies[i])
                    .put("md5OfBody", "")
                    .put("eventSource", "aws:sqs")
                    .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:ratelink-escalations")
                    .put("awsRegion", "us-east-1")
                    .putObject("attributes").put("ApproximateReceiveCount", "1");
        }
        return event.toString();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
