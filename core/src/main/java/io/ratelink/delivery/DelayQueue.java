package io.ratelink.delivery;

import java.time.Duration;

/** Where work waits until it is due: the one way ratelink puts anything off (SQS in AWS, ElasticMQ locally). */
public interface DelayQueue {

    /**
     * Hands the task over, to be run once it has waited {@code delay} (at least once: a run must be safe to repeat).
     *
     * @throws QueueUnavailable when the queue did not take it; nothing was scheduled
     */
    void schedule(DueTask task, Duration delay);

    /** The queue did not take a task. */
    final class QueueUnavailable extends RuntimeException {
        public QueueUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The longest a queue holds a task back at once; a task due later is handed back to the queue on arrival. */
    Duration LONGEST_DELAY = Duration.ofMinutes(15);
}
