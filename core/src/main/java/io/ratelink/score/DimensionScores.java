package io.ratelink.score;


import java.util.List;

/**
 * The scores of one dimension over one window on every scale it has answers on, and its customer happiness
 * index, as {@code GET /v1/scores} without a scale answers them.
 *
 * @param dimension {@code org}, {@code team:ID} or {@code agent:ID}
 * @param window    {@code 7d}, {@code 30d}, {@code 90d} or {@code all}
 * @param scales    one entry per scale that has been counted for the dimension, in the catalogue's order
 * @param chi       the index over the same window
 */
public record DimensionScores(String dimension, String window, List<ScaleScore> scales, ChiScore chi) {

    /**
     * The customer happiness index with what it was computed from.
     *
     * @param value             0–100; {@code null} when no component has answers
     * @param weights           the weights used: 0 for a component without answers, the others renormalized
     * @param configuredWeights the weights as configured
     * @param csat              the CSAT % it used, pooled over the CSAT scales; {@code null} when none
     * @param cesEasy           the CES easy % it used, pooled over the CES scales; {@code null} when none
     * @param nps               the NPS it used; {@code null} when none
     * @param lowSample         whether any component it used comes from fewer answers than the configured minimum
     */
    public record ChiScore(Double value, HappinessIndexWeights weights, HappinessIndexWeights configuredWeights, Metric csat,
                           Metric cesEasy, Metric nps, boolean lowSample) {
    }
}
