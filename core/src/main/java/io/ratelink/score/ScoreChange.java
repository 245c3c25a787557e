package io.ratelink.score;

import java.util.Objects;

/**
 * How a number moved from one period to the next, called a change only when the two 95 % intervals say it is more
 * than noise: the intervals do not overlap. Overlapping intervals are "no clear change", even when the values differ;
 * this is deliberately cautious (two non-overlapping 95 % intervals differ at well under the 5 % level), so a lead is
 * not sent chasing a wobble of a small sample. Every headline number is "higher is better" (CES means are taken on
 * the normalized answer), so {@link Verdict#UP} is always an improvement.
 *
 * @param verdict what the intervals say
 * @param delta   the current value minus the previous one; {@code null} when either has no value
 */
public record ScoreChange(Verdict verdict, Double delta) {

    /** What the two intervals say about the change. */
    public enum Verdict {
        /** The current interval lies wholly above the previous one. */
        UP,
        /** The current interval lies wholly below the previous one. */
        DOWN,
        /** The intervals overlap: the difference may be noise. */
        NO_CLEAR_CHANGE,
        /** One of the two periods has no interval (no answers, or a mean of a single answer): nothing to compare. */
        NOT_COMPARABLE
    }

    public ScoreChange {
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The one rule the dashboard calls a change by. */
    public static ScoreChange between(Metric current, Metric previous) {
        Double delta = current != null && previous != null && current.hasValue() && previous.hasValue()
                ? current.value() - previous.value() : null;
        if (current == null || previous == null || !current.hasInterval() || !previous.hasInterval()) {
            return new ScoreChange(Verdict.NOT_COMPARABLE, delta);
        }
        if (current.low() > previous.high()) {
            return new ScoreChange(Verdict.UP, delta);
        }
        if (current.high() < previous.low()) {
            return new ScoreChange(Verdict.DOWN, delta);
        }
        return new ScoreChange(Verdict.NO_CLEAR_CHANGE, delta);
    }

    /** Whether it is a change the intervals support, up or down. */
    public boolean isClear() {
        return verdict == Verdict.UP || verdict == Verdict.DOWN;
    }
}
