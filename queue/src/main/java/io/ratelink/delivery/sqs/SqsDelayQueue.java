package io.ratelink.delivery.sqs;

import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.DueTask;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;

/**
 * The delay queue on SQS: a message per task, held back by its own {@code DelaySeconds} (up to 15 minutes). A task
 * due later waits in hops: it carries when it is due, and {@link DueTaskBatch} hands it back until then.
 */
public class SqsDelayQueue implements DelayQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsDelayQueue(SqsClient sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    @Override
    public void schedule(DueTask task, Duration delay) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        DueTask sent = wait.compareTo(LONGEST_DELAY) > 0 && task.notBefore().isEmpty()
                ? task.notBefore(clock.instant().plus(wait)) : task;
        int seconds = (int) Math.min(wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0), LONGEST_DELAY.toSeconds());
        try {
            sqs.sendMessage(request -> request.queueUrl(queueUrl)
                    .messageBody(DueTaskMessages.write(sent))
                    .delaySeconds(seconds));
        } catch (SdkException e) {
            throw new QueueUnavailable("the queue did not take the " + task.kind() + " task for " + task.subject(), e);
        }
    }
}
