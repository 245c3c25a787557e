package io.ratelink.dashboard;

/**
 * The customer happiness index over a period and the period before. It has no interval of its own (its components
 * each have theirs), so it is shown without a change verdict.
 *
 * @param value     0–100, {@code null} when no component has answers
 * @param previous  the same over the previous period
 * @param lowSample whether a component it used comes from a low sample
 */
public record HappinessIndexHeadline(Double value, Double previous, boolean lowSample) {
}
