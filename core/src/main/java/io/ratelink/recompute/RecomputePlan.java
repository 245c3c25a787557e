package io.ratelink.recompute;

import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.score.DayKey;
import io.ratelink.score.Histogram;
import io.ratelink.score.Series;
import io.ratelink.score.Window;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one recompute run writes, decided before any of it is written, as whole values: the marks on the
 * ratings, the day histograms, the windows. Once committed, applying it once or several times (after a run died
 * halfway) leaves the same scores.
 *
 * @param sequence  its number; one more than the plan before it
 * @param mode      what the run counted
 * @param asOf      the UTC day its windows end on
 * @param watermark the watermark once it is applied
 * @param marks     what the scores count for each rating whose count moves
 * @param days      the new histogram of every day that changes; an empty one removes the day
 * @param windows   the new windows of every series that changes, as of {@code asOf}
 */
public record RecomputePlan(
        long sequence,
        RecomputeMode mode,
        LocalDate asOf,
        Instant watermark,
        List<CountedScoreUpdate> marks,
        Map<DayKey, Histogram> days,
        Map<Series, Map<Window, Histogram>> windows) {

    public RecomputePlan {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(watermark, "watermark");
        marks = List.copyOf(marks);
        days = Map.copyOf(days);
        windows = Map.copyOf(windows);
    }

    /** Whether applying it would write nothing but the watermark. */
    public boolean writesNothing() {
        return marks.isEmpty() && days.isEmpty() && windows.isEmpty();
    }
}
