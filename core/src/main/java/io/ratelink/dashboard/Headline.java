package io.ratelink.dashboard;

import io.ratelink.score.Histogram;
import io.ratelink.score.Metric;
import io.ratelink.score.Metrics;
import io.ratelink.score.ScoreChange;
import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.Map;

/**
 * A scale's headline number over a period beside the same number over the period before it, and what the two
 * intervals say about the difference.
 *
 * @param scale     the scale
 * @param metric    the headline metric's key ({@code csat}, {@code ces}, {@code nps}, {@code pmf})
 * @param current   the number over the period, with n, its interval and the low-sample flag
 * @param previous  the number over the previous period of the same length
 * @param change    the change by the one rule, {@link ScoreChange#between}
 * @param histogram the period's answers, point by point
 */
public record Headline(Scale scale, String metric, Metric current, Metric previous, ScoreChange change,
        Histogram histogram) {

    /** The headline of a scale over a period, from day histograms that cover it and the period before. */
    public static Headline of(Scale scale, Map<LocalDate, Histogram> days, Period period, Metrics metrics) {
        String key = Metrics.headline(scale);
        Histogram now = Trends.sum(scale, days, period);
        Histogram before = Trends.sum(scale, days, period.previous());
        Metric current = metrics.compute(now).get(key);
        Metric previous = metrics.compute(before).get(key);
        return new Headline(scale, key, current, previous, ScoreChange.between(current, previous), now);
    }
}
