package io.ratelink.dashboard;

import io.ratelink.score.Metric;

import java.time.LocalDate;

/**
 * One point of a trend: a scale's headline number over a run of days (one day, or one week).
 *
 * @param first  the run's first day
 * @param last   the run's last day
 * @param metric the headline number with its sample size and interval; without a value when nobody answered
 */
public record TrendPoint(LocalDate first, LocalDate last, Metric metric) {
}
