package io.ratelink.delivery.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.DueTask;
import io.ratelink.delivery.TaskHandler;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A batch of queue messages, as Lambda delivers them from SQS and as the dev-mode consumer hands them over: each
 * task goes to the handler of its kind, within the invocation's deadline.
 *
 * <p>A task that fails is reported as a batch item failure: the queue hands it back after its visibility timeout.
 * When the deadline leaves too little time for the next task ({@code timePerTask}), it and the rest are reported the
 * same way, untouched, so the invocation ends in time. A message that is not a task is logged and dropped.
 */
public class DueTaskBatch {

    private static final Logger LOG = Logger.getLogger(DueTaskBatch.class);

    private final Map<String, TaskHandler> handlers;
    private final DelayQueue queue;
    private final Clock clock;
    private final Duration timePerTask;

    public DueTaskBatch(List<TaskHandler> handlers, DelayQueue queue, Clock clock, Duration timePerTask) {
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskHandler::kind, Function.identity()));
        this.queue = queue;
        this.clock = clock;
        this.timePerTask = timePerTask;
    }

    public SQSBatchResponse handle(SQSEvent event, Deadline deadline) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        for (int index = 0; index < messages.size(); index++) {
            SQSEvent.SQSMessage message = messages.get(index);
            if (!deadline.allows(timePerTask)) {
                LOG.warnf("%d queued tasks left for a later invocation: %s", messages.size() - index, deadline);
                messages.subList(index, messages.size()).forEach(left -> failures.add(failure(left)));
                break;
            }
            try {
                run(message, deadline);
            } catch (RuntimeException e) {
                LOG.errorf("Queued task %s failed and goes back to the queue: %s", message.getMessageId(), describe(e));
                LOG.debug("Queued task failure", e);
                failures.add(failure(message));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void run(SQSEvent.SQSMessage message, Deadline deadline) {
        DueTask task;
        try {
            task = DueTaskMessages.read(message.getBody());
        } catch (IllegalArgumentException notATask) {
            LOG.errorf("Dropped queue message %s: %s", message.getMessageId(), notATask.getMessage());
            return;
        }
        Instant now = clock.instant();
        if (task.notBefore().filter(at -> at.isAfter(now.plusSeconds(1))).isPresent()) {
            queue.schedule(task, Duration.between(now, task.notBefore().get()));
            return;
        }
        TaskHandler handler = handlers.get(task.kind());
        if (handler == null) {
            LOG.errorf("Dropped queue message %s: no handler for tasks of kind %s", message.getMessageId(), task.kind());
            return;
        }
        handler.run(task, deadline);
    }

    private static SQSBatchResponse.BatchItemFailure failure(SQSEvent.SQSMessage message) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build();
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
