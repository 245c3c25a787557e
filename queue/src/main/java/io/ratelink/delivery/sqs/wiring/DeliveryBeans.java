package io.ratelink.delivery.sqs.wiring;

import io.ratelink.config.RatelinkConfig;
import io.quarkus.arc.All;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.TaskHandler;
import io.ratelink.delivery.sqs.DueTaskBatch;
import io.ratelink.delivery.sqs.SqsDelayQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires the delay queue: SQS in AWS, the embedded engine's endpoint in dev mode and tests; and the work it hands back,
 * as the escalate function and dev mode's queue consumer run it.
 */
@ApplicationScoped
public class DeliveryBeans {

    @Produces
    @Singleton
    SqsClient sqsClient(RatelinkConfig config) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .build());
        config.sqs().region().ifPresent(region -> builder.region(Region.of(region)));
        config.sqs().endpointOverride().ifPresent(endpoint -> builder.endpointOverride(endpoint)
                .region(Region.of(config.sqs().region().orElse("us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
        return builder.build();
    }

    void close(@Disposes SqsClient sqs) {
        sqs.close();
    }

    @Produces
    @Singleton
    DelayQueue delayQueue(SqsClient sqs, RatelinkConfig config, Clock clock) {
        String queueUrl = config.escalation().queueUrl().orElseThrow(() -> new IllegalStateException(
                "ratelink.escalation.queue-url (RATELINK_ESCALATION_QUEUE_URL) is not set: the escalation queue is "
                        + "needed to delay and replay escalations"));
        return new SqsDelayQueue(sqs, queueUrl, clock);
    }

    /**
     * The queued work: every {@link TaskHandler} bean (escalation checks and replays, sign-in mails). A task is started
     * only while the invocation has time left for a send and the recording of its outcome.
     */
    @Produces
    @Singleton
    DueTaskBatch dueTaskBatch(@All List<TaskHandler> handlers, DelayQueue queue, Clock clock, RatelinkConfig config) {
        return new DueTaskBatch(handlers, queue, clock, config.escalation().sendTimeout().plusSeconds(3));
    }
}
