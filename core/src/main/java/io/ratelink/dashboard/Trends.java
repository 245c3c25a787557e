package io.ratelink.dashboard;

import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.Rollup;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The points of a scale's trend charts, from its day histograms: one per day, or one per week. */
public final class Trends {

    /** 90 days of daily points. */
    public static final int DAILY_POINTS = 90;
    /** 12 months of weekly points. */
    public static final int WEEKLY_POINTS = 52;

    private Trends() {
    }

    /** One point per day of the {@code points} days ending on {@code last}, oldest first. */
    public static List<TrendPoint> daily(Scale scale, Map<LocalDate, Histogram> days, LocalDate last, int points,
            Metrics metrics) {
        return runs(scale, days, last, points, 1, metrics);
    }

    /** One point per week of the {@code points} weeks ending on {@code last} (each week's last day), oldest first. */
    public static List<TrendPoint> weekly(Scale scale, Map<LocalDate, Histogram> days, LocalDate last, int points,
            Metrics metrics) {
        return runs(scale, days, last, points, 7, metrics);
    }

    /** The first day any point of a weekly trend of {@code points} weeks ending on {@code last} reads. */
    public static LocalDate firstDayOfWeekly(LocalDate last, int points) {
        return last.minusDays(7L * points - 1);
    }

    /** Every day's answers within the period, added up. */
    public static Histogram sum(Scale scale, Map<LocalDate, Histogram> days, Period period) {
        Histogram.Accumulator sum = new Histogram.Accumulator(scale);
        days.forEach((day, histogram) -> {
            if (period.contains(day)) {
                sum.addAll(histogram);
            }
        });
        return sum.snapshot();
    }

    private static List<TrendPoint> runs(Scale scale, Map<LocalDate, Histogram> days, LocalDate last, int points,
            int daysPerPoint, Metrics metrics) {
        String headline = Metrics.headline(scale);
        List<TrendPoint> trend = new ArrayList<>(points);
        SortedMap<LocalDate, Histogram> sorted = days instanceof SortedMap<LocalDate, Histogram> already
                ? already : new java.util.TreeMap<>(days);
        for (int i = points - 1; i >= 0; i--) {
            LocalDate runLast = last.minusDays((long) i * daysPerPoint);
            LocalDate runFirst = runLast.minusDays(daysPerPoint - 1L);
            Histogram run = daysPerPoint == 1
                    ? sorted.getOrDefault(runLast, Histogram.empty(scale))
                    : Rollup.window(scale, sorted.subMap(runFirst, runLast.plusDays(1)), Window.ALL_TIME, runLast);
            trend.add(new TrendPoint(runFirst, runLast, metrics.compute(run).get(headline)));
        }
        return trend;
    }
}
