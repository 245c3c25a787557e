package io.ratelink.delivery.sqs.wiring;

import io.quarkus.arc.All;
import io.ratelink.aws.AwsCall;
import io.ratelink.config.RatelinkConfig;
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

import java.time.Clock;
import java.util.List;

/**
 * Wires the delay queue: SQS in AWS, the embedded engine's endpoint in dev mode and tests; and the work it hands back,
 * as the escalate function and dev mode's queue consumer run it.
 */
@ApplicationScoped
public class DeliveryBeans {

    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    @Produces
    @Singleton
    DelayQueue delayQueue(RatelinkConfig config, Clock clock) {
        String queueUrl = config.escalation().queueUrl().orElseThrow(() -> new IllegalStateException(
                "ratelink.escalation.queue-url (RATELINK_ESCALATION_QUEUE_URL) is not set: the escalation queue is "
                        + "needed to delay and replay escalations"));
        return SqsDelayQueue.at(queueUrl, sqs(config.sqs()), clock);
    }

    void close(@Disposes DelayQueue queue) throws Exception {
        if (queue instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * SQS's API: the endpoint override with fixed local credentials (the embedded engine in dev mode and tests), else
     * where the SDK's clients find it, in the configured region when one is.
     */
    static AwsCall.Target sqs(RatelinkConfig.Sqs sqs) {
        if (sqs.endpointOverride().isPresent()) {
            return new AwsCall.Target(sqs.region().orElse("us-east-1"), sqs.endpointOverride().get(), LOCAL_CREDENTIALS);
        }
        return sqs.region().map(region -> AwsCall.Target.fromEnvironment(AwsCall.Service.SQS, region))
                .orElseGet(() -> AwsCall.Target.fromEnvironment(AwsCall.Service.SQS));
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
