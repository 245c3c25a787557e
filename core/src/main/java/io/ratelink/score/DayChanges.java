package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A few rating changes folded onto the stored histograms of just the days they fall on, and the stored windows
 * moved by what changed: what an incremental recompute does. It holds only the days the changes touch, so its
 * cost follows the changes; a {@link Fold}, laid out for counting every rating there is, holds whole years of
 * every series it touches. Folding the same ratings either way gives the same histograms, to the count.
 *
 * <p>Not thread-safe: one recompute owns it.
 */
public final class DayChanges {

    private final Map<DayKey, Histogram> stored;
    private final Map<Series, Map<LocalDate, ChangedDay>> changed = new HashMap<>();
    private final List<MissingCount> missing = new ArrayList<>();

    /**
     * A count a change was to take away that its day histogram does not hold: the histograms and the ratings
     * disagree (a full rebuild recounts them). The change moved what it could.
     *
     * @param score the score the rating said was counted
     */
    public record MissingCount(String surveyId, Series series, LocalDate day, int score) {
    }

    /** A day some change touched: its histogram as stored, and as the changes leave it. */
    private record ChangedDay(Histogram before, Histogram.Accumulator after) {
    }

    /**
     * @param stored the stored histograms of the days the changes fall on (more do no harm); a day absent has
     *               no answers
     */
    public DayChanges(Map<DayKey, Histogram> stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /**
     * Moves the rating's answer from the point counted before to the point to count now, in its organisation's,
     * team's and agent's histogram of its day. A histogram that does not hold the score counted before keeps what
     * it has there (a count is never taken below zero) and gains the score to count now like the others; the miss
     * is reported by {@link #missing()}, so that one rating the histograms disagree about never stops the others
     * from being counted.
     */
    public void apply(RatingChange change) {
        if (change.changesNothing()) {
            return;
        }
        List<Dimension> dimensions = change.dimensions();
        Series[] series = new Series[dimensions.size()];
        ChangedDay[] days = new ChangedDay[series.length];
        for (int i = 0; i < series.length; i++) {
            series[i] = new Series(dimensions.get(i), change.scale());
            Map<LocalDate, ChangedDay> ofSeries = changed.get(series[i]);
            days[i] = ofSeries == null ? null : ofSeries.get(change.day());
            if (days[i] == null) {
                Histogram before = stored.get(series[i].on(change.day()));
                days[i] = new ChangedDay(before, before == null
                        ? new Histogram.Accumulator(change.scale()) : before.toAccumulator());
            }
        }
        Integer previous = change.previouslyCounted();
        for (int i = 0; i < days.length; i++) {
            if (previous != null) {
                if (days[i].after().count(previous) < 1) {
                    missing.add(new MissingCount(change.surveyId(), series[i], change.day(), previous));
                } else {
                    days[i].after().subtract(previous, 1);
                }
            }
            if (change.toCount() != null) {
                days[i].after().add(change.toCount(), 1);
            }
            changed.computeIfAbsent(series[i], touched -> new HashMap<>()).putIfAbsent(change.day(), days[i]);
        }
    }

    public void applyAll(Iterable<RatingChange> changes) {
        for (RatingChange change : changes) {
            apply(change);
        }
    }

    /** The counts the changes were to take away that their day histograms did not hold, in the order met. */
    public List<MissingCount> missing() {
        return Collections.unmodifiableList(missing);
    }

    /** The series with a day some change touched: those whose windows move. */
    public Set<Series> changedSeries() {
        return Collections.unmodifiableSet(changed.keySet());
    }

    /** The new histogram of every day of one series that a change touched; an emptied day is an empty histogram. */
    public Map<LocalDate, Histogram> changedDays(Series series) {
        Map<LocalDate, Histogram> days = new HashMap<>();
        changed.getOrDefault(series, Map.of()).forEach((day, change) -> days.put(day, change.after().snapshot()));
        return days;
    }

    /**
     * The new histogram of every day a change touched, including those it emptied (an empty histogram) and those
     * where changes cancelled out: what must be written back.
     */
    public Map<DayKey, Histogram> changedDays() {
        Map<DayKey, Histogram> days = new HashMap<>();
        changed.forEach((series, ofSeries) ->
                ofSeries.forEach((day, change) -> days.put(series.on(day), change.after().snapshot())));
        return days;
    }

    /**
     * The windows of one series as of {@code asOf} after the changes, from its windows as of the same day before
     * them. A window is the sum of its days, so each window gains, for every changed day it contains, the day's
     * new histogram less its stored one; days it does not contain leave it alone. Windows as of an earlier day
     * cannot be brought forward this way: days leave the bounded windows as the day moves on, so those are rolled
     * up again ({@link Rollup#windows}).
     *
     * @param windows the series' windows as of {@code asOf}, before the changes; a window absent is empty
     * @return one histogram per {@link Window}
     * @throws IllegalArgumentException if a window would be left with a negative count: it held less than the
     *                                  days it contains, so the windows and the days disagree and must be rolled
     *                                  up again
     */
    public Map<Window, Histogram> movedWindows(Series series, Map<Window, Histogram> windows, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        Scale scale = series.scale();
        Window[] all = Window.values();
        LocalDate[] firstDays = new LocalDate[all.length];
        long[][] sums = new long[all.length][];
        for (int w = 0; w < all.length; w++) {
            firstDays[w] = all[w].firstDay(asOf).orElse(null);
            Histogram window = windows.get(all[w]);
            sums[w] = window == null ? new long[scale.size()] : window.counts();
        }
        long[] difference = new long[scale.size()];
        for (Map.Entry<LocalDate, ChangedDay> entry : changed.getOrDefault(series, Map.of()).entrySet()) {
            LocalDate day = entry.getKey();
            if (day.isAfter(asOf)) {
                continue;
            }
            ChangedDay change = entry.getValue();
            Arrays.fill(difference, 0);
            change.after().addTo(difference);
            if (change.before() != null) {
                change.before().subtractFrom(difference);
            }
            for (int w = 0; w < all.length; w++) {
                if (firstDays[w] == null || !day.isBefore(firstDays[w])) {
                    for (int i = 0; i < difference.length; i++) {
                        sums[w][i] += difference[i];
                    }
                }
            }
        }
        Map<Window, Histogram> moved = new EnumMap<>(Window.class);
        for (int w = 0; w < all.length; w++) {
            moved.put(all[w], Histogram.of(scale, sums[w]));
        }
        return Collections.unmodifiableMap(moved);
    }
}
