package io.ratelink.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Work to be done later, once: what to do ({@code kind}, e.g. {@code escalation.check}), about what
 * ({@code subject}, e.g. a survey id), and as of which version of it.
 *
 * @param version   the version of the subject that asked for the work; a newer version asks for its own
 * @param notBefore when the task is due, when that is further off than the queue can delay a message: the task is
 *                  then handed back to the queue until it is
 */
public record DueTask(String kind, String subject, long version, Optional<Instant> notBefore) {

    public DueTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(notBefore, "notBefore");
        if (kind.isBlank() || subject.isBlank()) {
            throw new IllegalArgumentException("a due task needs a kind and a subject");
        }
    }

    public static DueTask of(String kind, String subject, long version) {
        return new DueTask(kind, subject, version, Optional.empty());
    }

    public DueTask notBefore(Instant at) {
        return new DueTask(kind, subject, version, Optional.of(at));
    }
}
