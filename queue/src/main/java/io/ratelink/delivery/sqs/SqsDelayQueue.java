package io.ratelink.delivery.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.aws.AwsCall;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.DueTask;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The delay queue on SQS: a message per task, held back by its own {@code DelaySeconds} (up to 15 minutes). A task
 * due later waits in hops: it carries when it is due, and {@link DueTaskBatch} hands it back until then.
 *
 * <p>A message is sent with SQS's {@code SendMessage} in its JSON protocol, one signed request ({@link AwsCall}) rather
 * than through the SDK's SQS client. A try gets {@link #SEND_ATTEMPT_TIMEOUT}, the send {@link #SEND_TIMEOUT} in all.
 */
public class SqsDelayQueue implements DelayQueue, AutoCloseable {

    public static final Duration SEND_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(8);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SEND_MESSAGE = Map.of(
            "X-Amz-Target", "AmazonSQS.SendMessage",
            "Content-Type", "application/x-amz-json-1.0");

    private final AwsCall sqs;
    private final String queueUrl;
    private final Clock clock;

    public SqsDelayQueue(AwsCall sqs, String queueUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.clock = clock;
    }

    /** The queue at {@code queueUrl}, sent to through SQS's API at {@code sqs}, with the queue's timeouts. */
    public static SqsDelayQueue at(String queueUrl, AwsCall.Target sqs, Clock clock) {
        return new SqsDelayQueue(new AwsCall(AwsCall.Service.SQS, sqs, SEND_ATTEMPT_TIMEOUT, SEND_TIMEOUT), queueUrl,
                clock);
    }

    @Override
    public void schedule(DueTask task, Duration delay) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        DueTask sent = wait.compareTo(LONGEST_DELAY) > 0 && task.notBefore().isEmpty()
                ? task.notBefore(clock.instant().plus(wait)) : task;
        int seconds = (int) Math.min(wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0), LONGEST_DELAY.toSeconds());
        AwsCall.Answer answer;
        try {
            answer = sqs.post("/", SEND_MESSAGE, JSON.createObjectNode()
                    .put("QueueUrl", queueUrl)
                    .put("MessageBody", DueTaskMessages.write(sent))
                    .put("DelaySeconds", seconds)
                    .toString());
        } catch (AwsCall.AwsCallFailed | SdkException e) {
            throw new QueueUnavailable("the queue did not take the " + task.kind() + " task for " + task.subject()
                    + ": " + e.getMessage(), e);
        }
        if (!answer.isSuccess()) {
            throw new QueueUnavailable("the queue refused the " + task.kind() + " task for " + task.subject() + ": "
                    + answer.status() + " " + answer.body(), null);
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}
