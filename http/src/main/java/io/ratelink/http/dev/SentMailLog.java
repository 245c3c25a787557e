package io.ratelink.http.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.mailer.SentMail;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The mail the application has sent lately, newest first, as quarkus-mailer reports each send. Dev mode and tests only. */
@Singleton
@IfBuildProfile(anyOf = { "dev", "test" })
public class SentMailLog {

    static final int KEPT = 100;

    private final Deque<Entry> sent = new ArrayDeque<>();
    private final Clock clock;

    /** One sent mail and when the mailer reported it. */
    public record Entry(Instant at, SentMail mail) {
    }

    public SentMailLog(Clock clock) {
        this.clock = clock;
    }

    void record(@Observes SentMail mail) {
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
