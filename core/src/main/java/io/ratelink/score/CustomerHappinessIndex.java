package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer happiness index: a weighted mean, on 0–100, of the components that are available — the
 * CSAT %, the CES easy % and the NPS mapped from −100…+100 to 0–100 as (nps + 100) / 2. A component
 * without answers is dropped and the weights of the others are renormalized, so the index of a team
 * that asks no NPS question is the weighted mean of its CSAT and CES alone. The weights are configuration
 * ({@link HappinessIndexWeights}, by default 0.4 CSAT, 0.3 CES, 0.3 NPS) and travel with the result.
 *
 * @param value   the index, 0–100
 * @param weights the weights actually used: 0 for a dropped component, the others renormalized to sum to 1
 * @param csat    the CSAT % it was computed from; {@code null} when there is none
 * @param cesEasy the CES easy % it was computed from; {@code null} when there is none
 * @param nps     the NPS (−100…+100) it was computed from; {@code null} when there is none
 */
public record CustomerHappinessIndex(double value, HappinessIndexWeights weights, Metric csat, Metric cesEasy, Metric nps) {

    public CustomerHappinessIndex {
        Objects.requireNonNull(weights, "weights");
    }

    /**
     * The index of the given components.
     *
     * @param csat    the {@value Metrics#CSAT} metric, or {@code null}
     * @param cesEasy the {@value Metrics#EASY_PCT} metric of a CES scale, or {@code null}
     * @param nps     the {@value Metrics#NPS} metric, or {@code null}
     * @param weights the configured weights
     * @return empty when no component with a weight above 0 has a value
     */
    public static Optional<CustomerHappinessIndex> of(Metric csat, Metric cesEasy, Metric nps, HappinessIndexWeights weights) {
        Objects.requireNonNull(weights, "weights");
        double csatWeight = isAvailable(csat) ? weights.csat() : 0;
        double cesWeight = isAvailable(cesEasy) ? weights.ces() : 0;
        double npsWeight = isAvailable(nps) ? weights.nps() : 0;
        double totalWeight = csatWeight + cesWeight + npsWeight;
        if (totalWeight <= 0) {
            return Optional.empty();
        }
        HappinessIndexWeights used = new HappinessIndexWeights(csatWeight / totalWeight, cesWeight / totalWeight, npsWeight / totalWeight);
        double value = used.csat() * valueOr0(csat)
                + used.ces() * valueOr0(cesEasy)
                + used.nps() * (isAvailable(nps) ? npsOn0To100(nps.value()) : 0);
        return Optional.of(new CustomerHappinessIndex(value, used, present(csat), present(cesEasy), present(nps)));
    }

    /**
     * The index of one dimension and window from its histograms, one per scale. Answers are pooled per
     * family: the CSAT % is the share of positive answers over every CSAT scale, the CES easy % the share
     * of easy answers over every CES scale. PMF does not take part.
     */
    public static Optional<CustomerHappinessIndex> of(Collection<Histogram> histograms, Metrics metrics, HappinessIndexWeights weights) {
        long csatPositive = 0;
        long csatTotal = 0;
        long cesEasy = 0;
        long cesTotal = 0;
        long promoters = 0;
        long detractors = 0;
        long npsTotal = 0;
        for (Histogram histogram : histograms) {
            Scale scale = histogram.scale();
            switch (scale.family()) {
                case CSAT -> {
                    csatPositive += histogram.countIn(scale.positiveBand());
                    csatTotal += histogram.total();
                }
                case CES -> {
                    cesEasy += histogram.countIn(scale.positiveBand());
                    cesTotal += histogram.total();
                }
                case NPS -> {
                    promoters += histogram.countIn(scale.positiveBand());
                    detractors += histogram.countIn(scale.lowBand());
                    npsTotal += histogram.total();
                }
                case PMF -> {
                    // not a component of the index
                }
            }
        }
        return of(metrics.sharePct(csatPositive, csatTotal), metrics.sharePct(cesEasy, cesTotal),
                metrics.nps(promoters, detractors, npsTotal), weights);
    }

    /** Whether any component it was computed from is flagged as a low sample. */
    public boolean lowSample() {
        return (csat != null && csat.lowSample())
                || (cesEasy != null && cesEasy.lowSample())
                || (nps != null && nps.lowSample());
    }

    /** An NPS of −100…+100 on the index's 0–100. */
    public static double npsOn0To100(double nps) {
        return (nps + 100) / 2;
    }

    private static boolean isAvailable(Metric metric) {
        return metric != null && metric.hasValue();
    }

    private static double valueOr0(Metric metric) {
        return isAvailable(metric) ? metric.value() : 0;
    }

    private static Metric present(Metric metric) {
        return isAvailable(metric) ? metric : null;
    }
}
