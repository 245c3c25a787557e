package io.ratelink.score.store;

import io.ratelink.score.HappinessIndexWeights;
import io.ratelink.score.CustomerHappinessIndex;
import io.ratelink.score.Dimension;
import io.ratelink.score.DimensionScores;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metric;
import io.ratelink.score.Metrics;
import io.ratelink.score.ScaleScore;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the scores the recompute keeps: one scale of a dimension, or every scale with the customer happiness
 * index. Nothing is counted here; the metrics are those stored with the windows.
 */
public class ScoreBoard {

    private final ScoreStore scores;
    private final Metrics metrics;
    private final HappinessIndexWeights chiWeights;

    public ScoreBoard(ScoreStore scores, Metrics metrics, HappinessIndexWeights chiWeights) {
        this.scores = scores;
        this.metrics = metrics;
        this.chiWeights = chiWeights;
    }

    /** One scale of one dimension; a series never counted has no answers. */
    public ScaleScore score(Dimension dimension, Scale scale, Window window) {
        Series series = new Series(dimension, scale);
        return scores.windows().of(series)
                .map(stored -> view(stored, window))
                .orElseGet(() -> unanswered(series, window, lastRecompute()));
    }

    /** Every scale the dimension has been counted on, and the customer happiness index over them. */
    public DimensionScores scores(Dimension dimension, Window window) {
        List<Series> series = Arrays.stream(Scale.values()).map(scale -> new Series(dimension, scale)).toList();
        Map<Series, SeriesWindows> stored = scores.windows().of(series);
        List<ScaleScore> views = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (Series one : series) {
            SeriesWindows windows = stored.get(one);
            if (windows != null) {
                views.add(view(windows, window));
                histograms.add(windows.windows().get(window).histogram());
            }
        }
        return new DimensionScores(dimension.format(), window.label(), views, chi(histograms));
    }

    /** The configured weights of the customer happiness index. */
    public HappinessIndexWeights chiWeights() {
        return chiWeights;
    }

    private DimensionScores.ChiScore chi(List<Histogram> histograms) {
        Optional<CustomerHappinessIndex> chi = CustomerHappinessIndex.of(histograms, metrics, chiWeights);
        return chi.map(index -> new DimensionScores.ChiScore(index.value(), index.weights(), chiWeights, index.csat(),
                        index.cesEasy(), index.nps(), index.lowSample()))
                .orElseGet(() -> new DimensionScores.ChiScore(null, chiWeights, chiWeights, null, null, null, true));
    }

    private ScaleScore view(SeriesWindows stored, Window window) {
        WindowScore score = stored.windows().get(window);
        Scale scale = stored.series().scale();
        Metric headline = score.metrics().get(headline(scale));
        return new ScaleScore(stored.series().dimension().format(), scale, window.label(), stored.asOf(),
                score.histogram().total(), counts(score.histogram()), score.metrics(),
                new ScaleScore.Interval(headline(scale), headline.low(), headline.high()), headline.lowSample(),
                stored.computedAt());
    }

    private ScaleScore unanswered(Series series, Window window, Instant lastRecompute) {
        Histogram empty = Histogram.empty(series.scale());
        Map<String, Metric> none = metrics.compute(empty);
        Metric headline = none.get(headline(series.scale()));
        return new ScaleScore(series.dimension().format(), series.scale(), window.label(), null, 0, counts(empty), none,
                new ScaleScore.Interval(headline(series.scale()), null, null), headline.lowSample(), lastRecompute);
    }

    private Instant lastRecompute() {
        return scores.lease().state().lastFinishedAt().orElse(null);
    }

    private static String headline(Scale scale) {
        return Metrics.headline(scale);
    }

    private static Map<Integer, Long> counts(Histogram histogram) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int point : histogram.scale().points()) {
            counts.put(point, histogram.count(point));
        }
        return counts;
    }
}
