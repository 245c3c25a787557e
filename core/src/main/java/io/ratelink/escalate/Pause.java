package io.ratelink.escalate;

import java.time.Duration;

/** Waits between two tries of a send. */
public interface Pause {

    /** @throws InterruptedException when the thread is interrupted while waiting */
    void sleep(Duration duration) throws InterruptedException;
}
