package io.ratelink.notify;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.ratelink.local.EmbeddedSqs;
import io.ratelink.local.SqsEvents;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The escalation queue as Lambda's SQS event source uses it: due messages received in batches and handed to the
 * escalate function, successful ones deleted, failed ones left for redelivery.
 */
final class QueuedTasks {

    private static final SqsClient SQS = EmbeddedSqs.client();

    private QueuedTasks() {
    }

    /** What one batch of due tasks did. */
    record Run(int tasks, List<String> failed, Duration took) {
    }

    /**
     * Runs the tasks waiting in the queue through the handler as they come due, batch after batch, with
     * {@code budget} of Lambda time per batch; returns once none is left waiting, a batch reports failures, or the
     * queue has handed over nothing for {@code wait}.
     */
    static List<Run> runDue(EscalateHandler handler, Duration wait, Duration budget) {
        String queueUrl = EmbeddedSqs.escalationQueueUrl();
        List<Run> runs = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        while (waiting(queueUrl) && System.nanoTime() < until) {
            List<Message> received = SQS.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(30)).messages();
            if (received.isEmpty()) {
                continue;
            }
            long started = System.nanoTime();
            SQSBatchResponse response = handler.handleRequest(SqsEvents.of(received,
                    "arn:aws:sqs:us-east-1:000000000000:" + EmbeddedSqs.ESCALATION_QUEUE), new LambdaContext(budget));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            for (Message message : received) {
                if (!failed.contains(message.messageId())) {
                    SQS.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                } else {
                    SQS.changeMessageVisibility(request -> request.queueUrl(queueUrl)
                            .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
                }
            }
            runs.add(new Run(received.size(), List.copyOf(failed), took));
            if (!failed.isEmpty()) {
                return runs;
            }
            until = System.nanoTime() + wait.toNanos();
        }
        return runs;
    }

    /** Whether a task is due or still held back by its delay: one that is being received is neither. */
    private static boolean waiting(String queueUrl) {
        Map<QueueAttributeName, String> counts = SQS.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().anyMatch(count -> Integer.parseInt(count) > 0);
    }

    /** Drops whatever other tests left in the queue. */
    static void purge() {
        SQS.purgeQueue(request -> request.queueUrl(EmbeddedSqs.escalationQueueUrl()));
    }
}
