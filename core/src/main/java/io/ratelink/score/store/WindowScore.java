package io.ratelink.score.store;

import io.ratelink.score.Histogram;
import io.ratelink.score.Metric;

import java.util.Map;
import java.util.Objects;

/**
 * One rolled-up window of one series: the answers it holds and the numbers derived from them.
 *
 * @param histogram the sum of the window's day histograms
 * @param metrics   the metrics of that histogram by key ({@code mean}, {@code csat}, {@code nps} …), in a stable order
 */
public record WindowScore(Histogram histogram, Map<String, Metric> metrics) {

    public WindowScore {
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(metrics, "metrics");
    }
}
