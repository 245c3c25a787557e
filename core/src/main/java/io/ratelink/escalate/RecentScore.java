package io.ratelink.escalate;

import io.ratelink.survey.Scale;

/**
 * An agent's score over a recent window, as the scores table has it, for the escalation email.
 *
 * @param metric the metric's key, as in {@code GET /v1/scores}: {@code csat}, {@code ces}, {@code nps}, {@code mean} …
 * @param value  the metric's value: a percentage for shares, the scale's own points for means, −100…100 for NPS
 * @param n      how many ratings it comes from
 * @param window the window's label: {@code 7d}, {@code 30d}, {@code 90d} or {@code all}
 */
public record RecentScore(Scale scale, String metric, double value, long n, String window) {
}
