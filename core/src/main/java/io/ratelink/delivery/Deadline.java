package io.ratelink.delivery;

import java.time.Duration;

/**
 * How long the invocation that does some work has left: Lambda's remaining time less a margin to record where the
 * work got to. Loops that wait or retry ask it before each step, and stop in time.
 */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline in(Duration budget) {
        return new Deadline(System.nanoTime() + Math.max(0, budget.toNanos()));
    }

    /** What an invocation is given when its runtime tells no deadline (a local runtime): Lambda's default for ratelink. */
    public static final Duration UNTOLD = Duration.ofSeconds(60);

    /**
     * From Lambda's remaining time, keeping {@code margin} back for recording the outcome. A runtime that tells no
     * remaining time at the start of an invocation (a local one without a deadline) gets {@link #UNTOLD}.
     *
     * @param remainingMillis {@code Context.getRemainingTimeInMillis()}
     */
    public static Deadline fromRemaining(long remainingMillis, Duration margin) {
        Duration remaining = remainingMillis > 0 ? Duration.ofMillis(remainingMillis) : UNTOLD;
        return in(remaining.minus(margin));
    }

    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Whether {@code work} still fits before the deadline. */
    public boolean allows(Duration work) {
        return remaining().compareTo(work) >= 0;
    }

    @Override
    public String toString() {
        return remaining().toMillis() + " ms left";
    }
}
