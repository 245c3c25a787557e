package io.ratelink.delivery.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.aws.AwsCall;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.DueTask;
import io.ratelink.local.AwsStandIn;
import io.ratelink.local.EmbeddedSqs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import io.ratelink.local.SilentServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delay queue's sends, to the embedded ElasticMQ the dev mode and the other tests run on. */
class SqsDelayQueueTest {

    private static final SqsClient SQS = EmbeddedSqs.client();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final DueTask CHECK = DueTask.of("escalation.check", "survey-1", 3);

    private String queueUrl;

    @BeforeEach
    void createQueue() {
        queueUrl = SQS.createQueue(request -> request.queueName("delay-queue-test-" + UUID.randomUUID())).queueUrl();
    }

    @AfterAll
    static void closeClient() {
        SQS.close();
    }

    @Test
    void aTaskDueNowArrivesOnTheQueueAsItsMessage() {
        try (SqsDelayQueue queue = toEmbeddedEngine(queueUrl)) {
            queue.schedule(CHECK, Duration.ZERO);
        }

        assertThat(receive(Duration.ofSeconds(5))).extracting(Message::body)
                .containsExactly(DueTaskMessages.write(CHECK));
    }

    @Test
    void aTaskIsHeldBackByTheQueueForItsDelay() {
        long sent = System.nanoTime();
        try (SqsDelayQueue queue = toEmbeddedEngine(queueUrl)) {
            queue.schedule(CHECK, Duration.ofSeconds(2));
        }

        assertThat(counts()).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "1")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
        assertThat(receive(Duration.ofSeconds(10))).extracting(Message::body)
                .containsExactly(DueTaskMessages.write(CHECK));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void aTaskDueLaterThanTheQueueHoldsAnythingWaitsTheLongestDelayTheQueueTakes() {
        try (SqsDelayQueue queue = toEmbeddedEngine(queueUrl)) {
            queue.schedule(CHECK, Duration.ofHours(2));
        }

        assertThat(counts()).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "1");
    }

    @Test
    void aQueueThatDoesNotExistRefusesTheTaskAndTheQueueIsUnavailable() {
        String missing = EmbeddedSqs.endpoint() + "/000000000000/no-such-queue-" + UUID.randomUUID();

        try (SqsDelayQueue queue = toEmbeddedEngine(missing)) {
            assertThatThrownBy(() -> queue.schedule(CHECK, Duration.ZERO))
                    .isInstanceOf(DelayQueue.QueueUnavailable.class)
                    .hasMessageContaining("refused the escalation.check task for survey-1")
                    .hasMessageContaining("400").hasMessageContaining("QueueDoesNotExist");
        }
    }

    @Test
    void aQueueNobodyListensForIsUnavailable() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        try (SqsDelayQueue queue = SqsDelayQueue.at(queueUrl, local(closed), CLOCK)) {
            assertThatThrownBy(() -> queue.schedule(CHECK, Duration.ZERO))
                    .isInstanceOf(DelayQueue.QueueUnavailable.class)
                    .hasMessageContaining("did not take the escalation.check task for survey-1");
        }
    }

    @Test
    void aQueueThatNeverAnswersIsUnavailableWithinTheSendTimeout() throws IOException {
        try (SilentServer silent = SilentServer.start()) {
            long started = System.nanoTime();

            try (SqsDelayQueue queue = SqsDelayQueue.at(queueUrl,
                    local(silent.endpoint()), CLOCK)) {
                assertThatThrownBy(() -> queue.schedule(CHECK, Duration.ZERO))
                        .isInstanceOf(DelayQueue.QueueUnavailable.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(SqsDelayQueue.SEND_TIMEOUT.plusSeconds(1));
            assertThat(silent.accepted()).as("connections the silent server accepted").isPositive();
        }
    }

    @Test
    void theSendIsSqsJsonSendMessageSignedForSqsInTheQueuesRegion() throws Exception {
        try (AwsStandIn sqs = AwsStandIn.answering(request -> new AwsStandIn.Answer(200, "application/x-amz-json-1.0",
                "{\"MD5OfMessageBody\":\"0\",\"MessageId\":\"" + UUID.randomUUID() + "\"}"));
             SqsDelayQueue queue = SqsDelayQueue.at("https://sqs.eu-west-1.amazonaws.com/123456789012/escalations",
                     new AwsCall.Target("eu-west-1", sqs.endpoint(),
                             StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))),
                     CLOCK)) {
            queue.schedule(CHECK, Duration.ofHours(2));

            AwsStandIn.Request request = sqs.requests().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/");
            assertThat(request.header("X-Amz-Target")).isEqualTo("AmazonSQS.SendMessage");
            assertThat(request.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
            assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                    .contains("/eu-west-1/sqs/aws4_request");
            JsonNode body = new ObjectMapper().readTree(request.body());
            assertThat(body.path("QueueUrl").asText())
                    .isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/escalations");
            assertThat(body.path("DelaySeconds").asInt()).isEqualTo(900);
            assertThat(DueTaskMessages.read(body.path("MessageBody").asText()))
                    .isEqualTo(CHECK.notBefore(CLOCK.instant().plus(Duration.ofHours(2))));
        }
    }

    private static SqsDelayQueue toEmbeddedEngine(String queueUrl) {
        return SqsDelayQueue.at(queueUrl, local(URI.create(EmbeddedSqs.endpoint())), CLOCK);
    }

    private static AwsCall.Target local(URI endpoint) {
        return new AwsCall.Target("us-east-1", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    private List<Message> receive(Duration wait) {
        return SQS.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds((int) wait.toSeconds())).messages();
    }

    private Map<QueueAttributeName, String> counts() {
        return SQS.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    }
}
