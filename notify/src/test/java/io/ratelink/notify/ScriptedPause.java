package io.ratelink.notify;

import io.ratelink.escalate.Pause;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** The pause between two tries of a send, with a hook a test can hang an event on (the SMTP server coming back). */
@Singleton
public class ScriptedPause implements Pause {

    private final AtomicReference<Runnable> beforeNextPause = new AtomicReference<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    /** Runs the action once, at the start of the next pause. */
    public void beforeNextPause(Runnable action) {
        beforeNextPause.set(action);
    }

    public List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        pauses.add(duration);
        Runnable action = beforeNextPause.getAndSet(null);
        if (action != null) {
            action.run();
        }
        Thread.sleep(duration.toMillis());
    }
}
