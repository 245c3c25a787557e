package io.ratelink.score;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A few rating changes folded onto the stored histograms of just the days they fall on: what an incremental
 * recompute does. It holds only the days the changes touch, so its cost follows the changes; a {@link Fold}, laid
 * out for counting every rating there is, holds whole years of every series it touches. Folding the same ratings
 * either way gives the same histograms, to the count.
 *
 * <p>Not thread-safe: one recompute owns it.
 */
public final class DayChanges {

    private final Map<DayKey, Histogram> stored;
    private final Map<DayKey, Histogram.Accumulator> changed = new HashMap<>();

    /**
     * @param stored the stored histograms of the days the changes fall on (more do no harm); a day absent has
     *               no answers
     */
    public DayChanges(Map<DayKey, Histogram> stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /**
     * Moves the rating's answer from the point counted before to the point to count now, in its organisation's,
     * team's and agent's histogram of its day. Either all three move or none does.
     *
     * @throws IllegalStateException if the score counted before is not in one of the three histograms: the
     *                               histograms and the ratings disagree, and only a full rebuild can say which
     *                               is right
     */
    public void apply(RatingChange change) {
        if (change.changesNothing()) {
            return;
        }
        List<Dimension> dimensions = change.dimensions();
        DayKey[] keys = new DayKey[dimensions.size()];
        Histogram.Accumulator[] days = new Histogram.Accumulator[keys.length];
        for (int i = 0; i < days.length; i++) {
            DayKey key = new DayKey(dimensions.get(i), change.scale(), change.day());
            keys[i] = key;
            Histogram.Accumulator day = changed.get(key);
            if (day == null) {
                Histogram before = stored.get(key);
                day = before == null ? new Histogram.Accumulator(change.scale()) : before.toAccumulator();
            }
            days[i] = day;
        }
        Integer previous = change.previouslyCounted();
        for (int i = 0; i < days.length; i++) {
            if (previous != null && days[i].count(previous) < 1) {
                throw new IllegalStateException("survey " + change.surveyId() + ": its previously counted score "
                        + previous + " is not counted in " + dimensions.get(i) + " " + change.scale() + " "
                        + change.day() + "; the day histograms and the ratings disagree, a full rebuild recounts them");
            }
        }
        for (int i = 0; i < days.length; i++) {
            if (previous != null) {
                days[i].subtract(previous, 1);
            }
            if (change.toCount() != null) {
                days[i].add(change.toCount(), 1);
            }
            changed.put(keys[i], days[i]);
        }
    }

    public void applyAll(Iterable<RatingChange> changes) {
        for (RatingChange change : changes) {
            apply(change);
        }
    }

    /**
     * The new histogram of every day a change touched, including those it emptied (an empty histogram) and
     * those where changes cancelled out: what must be written back.
     */
    public Map<DayKey, Histogram> changedDays() {
        Map<DayKey, Histogram> days = new HashMap<>();
        changed.forEach((key, day) -> days.put(key, day.snapshot()));
        return days;
    }
}
