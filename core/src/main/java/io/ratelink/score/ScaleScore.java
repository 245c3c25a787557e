package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The scores of one dimension on one scale over one window, as {@code GET /v1/scores} answers them.
 *
 * @param dimension  {@code org}, {@code team:ID} or {@code agent:ID}
 * @param scale      the scale
 * @param window     {@code 7d}, {@code 30d}, {@code 90d} or {@code all}
 * @param asOf       the UTC day the window ends on, that day included; {@code null} before the first recompute
 *                   that counted an answer here
 * @param n          how many answers the window holds
 * @param counts     how many answers each point received, by point
 * @param metrics    every metric of the scale by key, each with its sample size, 95 % interval and low-sample flag
 * @param interval   the 95 % interval of the scale's headline metric
 * @param lowSample  whether the headline metric comes from fewer answers than the configured minimum
 * @param computedAt when the window was computed, or, for a window without answers, when the last recompute
 *                   finished; {@code null} before any recompute
 */
public record ScaleScore(
        String dimension,
        Scale scale,
        String window,
        LocalDate asOf,
        long n,
        Map<Integer, Long> counts,
        Map<String, Metric> metrics,
        Interval interval,
        boolean lowSample,
        Instant computedAt) {

    /**
     * The 95 % interval of one metric.
     *
     * @param metric the metric's key: {@code csat}, {@code ces}, {@code nps} or {@code pmf}
     * @param low    the lower end; {@code null} when there is no interval (no answers, or a mean of one answer)
     * @param high   the upper end; {@code null} when there is no interval
     */
    public record Interval(String metric, Double low, Double high) {
    }
}
