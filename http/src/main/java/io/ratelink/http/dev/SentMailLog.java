package io.ratelink.http.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.ratelink.delivery.mail.SentEmail;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The mail the application has sent lately (in dev mode: captured instead of sent), newest first, as the mail channel
 * reports each. Dev mode and tests only.
 */
@Singleton
@IfBuildProfile(anyOf = { "dev", "test" })
public class SentMailLog {

    static final int KEPT = 100;

    private final Deque<Entry> sent = new ArrayDeque<>();
    private final Clock clock;

    /** One sent mail and when the channel reported it. */
    public record Entry(Instant at, SentEmail mail) {
    }

    public SentMailLog(Clock clock) {
        this.clock = clock;
    }

    void record(@Observes SentEmail mail) {
        synchronized (sent) {
            sent.addFirst(new Entry(clock.instant(), mail));
            while (sent.size() > KEPT) {
                sent.removeLast();
            }
        }
    }

    public List<Entry> newestFirst() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }
}
