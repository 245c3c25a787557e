package io.ratelink.delivery;

/** Does one kind of {@link DueTask} when it is due. */
public interface TaskHandler {

    /** The kind of task this handler does. */
    String kind();

    /**
     * Does the task, within the deadline. Safe to call again with the same task.
     *
     * @throws RuntimeException when the task must be tried again later (the queue hands it back)
     */
    void run(DueTask task, Deadline deadline);
}
