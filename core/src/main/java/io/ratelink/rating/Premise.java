package io.ratelink.rating;

import java.time.Instant;

/**
 * What a verdict made from the request alone assumes about the survey as stored. The write checks it in its own
 * condition, so a verdict never lands on a survey it was not made for: when the premise does not hold, the write
 * is refused and the verdict is made again from the stored survey the refusal returns.
 */
public sealed interface Premise {

    /**
     * Every kind of premise, one method each: a new kind added here must be handled by every caller, which the
     * compiler checks (the build targets Java 17, without pattern matching in {@code switch}).
     *
     * @param <T> what the caller makes of a premise
     */
    interface Cases<T> {
        T anything();

        T nothingCounted();

        T noBurst(NoBurst premise);
    }

    /** What {@code cases} makes of this premise. */
    <T> T match(Cases<T> cases);

    /** The verdict holds whatever is stored: an answer given on the page. */
    record Anything() implements Premise {
        @Override
        public <T> T match(Cases<T> cases) {
            return cases.anything();
        }
    }

    /** Nothing is counted yet: no rating, or a held one. A held click may replace only that. */
    record NothingCounted() implements Premise {
        @Override
        public <T> T match(Cases<T> cases) {
            return cases.nothingCounted();
        }
    }

    /**
     * This click is no part of a burst, so the burst rule has nothing to hold. The stored survey shows it by its
     * latest click in the email (since the last confirmation on the page): none; one at or before
     * {@code windowFrom}; or, on an answer that counts, one on the same option or one at or before
     * {@code correctionFrom} — a person going back to the email to change the answer. An answer counts only while
     * its clicks in the window were at a person's pace, so the latest click is enough to tell.
     *
     * @param windowFrom     the start of the burst window that ends at this click
     * @param correctionFrom the latest time a click on another option may have come for this one to correct it
     * @param score          this click's option
     */
    record NoBurst(Instant windowFrom, Instant correctionFrom, int score) implements Premise {
        @Override
        public <T> T match(Cases<T> cases) {
            return cases.noBurst(this);
        }
    }
}
