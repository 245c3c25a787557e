package io.ratelink.notify;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.ratelink.delivery.sqs.SqsEvents;
import io.ratelink.local.EmbeddedSqs;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
     * Waits up to {@code wait} for due tasks, then runs every one that is due, batch after batch, through the handler
     * with {@code budget} of Lambda time per batch.
     */
    static List<Run> runDue(EscalateHandler handler, Duration wait, Duration budget) {
        String queueUrl = EmbeddedSqs.escalationQueueUrl();
        List<Run> runs = new ArrayList<>();
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Message> received = SQS.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).visibilityTimeout(30)).messages();
            if (received.isEmpty()) {
                if (!runs.isEmpty() || System.nanoTime() > until) {
                    return runs;
                }
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
        }
    }

    /** Drops whatever other tests left in the queue. */
    static void purge() {
        SQS.purgeQueue(request -> request.queueUrl(EmbeddedSqs.escalationQueueUrl()));
    }
}
