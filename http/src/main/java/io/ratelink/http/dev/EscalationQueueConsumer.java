package io.ratelink.http.dev;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.sqs.DueTaskBatch;
import io.ratelink.local.SqsEvents;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Dev mode's escalate function: receives the embedded queue's due tasks and hands them, in the event shape Lambda
 * uses, to the same {@link DueTaskBatch} the escalate function calls. Tasks it reports as failed are made visible
 * again after a few seconds (in AWS, after the queue's visibility timeout); the others are deleted, as Lambda's
 * event source mapping deletes them.
 *
 * <p>Built into dev mode and tests only, and off unless {@code ratelink.dev.queue-consumer.enabled}. It receives with
 * the SDK's SQS client, which only dev mode and the tests carry (the functions send through {@code SqsDelayQueue}),
 * from the local engine that {@code ratelink.sqs.endpoint-override} names.
 */
@Singleton
@IfBuildProfile(anyOf = { "dev", "test" })
public class EscalationQueueConsumer {

    private static final Logger LOG = Logger.getLogger(EscalationQueueConsumer.class);
    private static final int BATCH_SIZE = 10;
    private static final int LONG_POLL_SECONDS = 1;
    private static final int RETRY_AFTER_SECONDS = 2;
    /** The escalate function's timeout in the deployment. */
    private static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(120);

    private final DueTaskBatch tasks;
    private final RatelinkConfig config;
    private SqsClient sqs;
    private ExecutorService loop;
    private volatile boolean running;

    public EscalationQueueConsumer(DueTaskBatch tasks, RatelinkConfig config) {
        this.tasks = tasks;
        this.config = config;
    }

    void start(@Observes @Priority(Integer.MAX_VALUE) StartupEvent startup) {
        if (!config.dev().queueConsumer().enabled()) {
            return;
        }
        String queueUrl = config.escalation().queueUrl().orElse(null);
        if (queueUrl == null) {
            LOG.warn("ratelink.dev.queue-consumer.enabled is set but ratelink.escalation.queue-url is not; the consumer stays off");
            return;
        }
        URI endpoint = config.sqs().endpointOverride().orElse(null);
        if (endpoint == null) {
            LOG.warn("ratelink.dev.queue-consumer.enabled is set but the queue has no local endpoint "
                    + "(ratelink.sqs.endpoint-override); the consumer stays off");
            return;
        }
        sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(config.sqs().region().orElse("us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        running = true;
        loop = Executors.newSingleThreadExecutor(task -> new Thread(task, "escalation-queue-consumer"));
        loop.submit(() -> consume(queueUrl));
        LOG.infof("Sending escalations from the queue %s after a settle window of %s, as the escalate function does in AWS",
                queueUrl, config.escalation().settle());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (loop != null) {
            loop.shutdownNow();
            loop.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (sqs != null) {
            sqs.close();
        }
    }

    private void consume(String queueUrl) {
        while (running) {
            try {
                List<Message> received = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(BATCH_SIZE).waitTimeSeconds(LONG_POLL_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                if (received.isEmpty()) {
                    continue;
                }
                SQSBatchResponse response = tasks.handle(SqsEvents.of(received, queueUrl), Deadline.in(LAMBDA_TIMEOUT));
                Set<String> failed = response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
                for (Message message : received) {
                    if (failed.contains(message.messageId())) {
                        sqs.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                                .receiptHandle(message.receiptHandle()).visibilityTimeout(RETRY_AFTER_SECONDS));
                    } else {
                        sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                    }
                }
            } catch (RuntimeException e) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warnf("Reading the escalation queue failed (%s); trying again", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
