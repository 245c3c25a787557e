package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers derived from one histogram, each with its sample size and 95 % interval.
 *
 * <p>Every scale gets {@value #MEAN}, {@value #POSITIVE_PCT} and {@value #LOW_PCT}; each family adds its
 * own names for them and its own numbers:
 * <ul>
 *   <li>CSAT: {@value #CSAT} (= positivePct, top-2-box);</li>
 *   <li>CES: {@value #CES} (= mean) and {@value #EASY_PCT} (= positivePct);</li>
 *   <li>NPS: {@value #NPS} (% promoters − % detractors, −100 to +100), {@value #PROMOTERS_PCT}
 *       (= positivePct, 9–10), {@value #PASSIVES_PCT} (7–8) and {@value #DETRACTORS_PCT} (= lowPct, 0–6);</li>
 *   <li>PMF: {@value #PMF} (= positivePct, % "very disappointed"); PMF has no low band, so its lowPct is 0.</li>
 * </ul>
 *
 * <p>Percentages run from 0 to 100. The mean is of the {@linkplain Scale#normalize normalized} answer, on
 * the scale's own points, so a higher mean is better on every scale, effort questions included; the
 * bands are read on the raw answers ({@link Scale#isLow}, {@link Scale#isPositive}), where the catalogue
 * defines them.
 *
 * <p>Intervals, all at 95 % (z = 1.96):
 * <ul>
 *   <li>shares: the Wilson score interval, which stays inside 0–100 and is honest for small samples and
 *       shares near 0 or 100 %;</li>
 *   <li>mean: mean ± z·s/√n with the sample standard deviation s, clipped to the scale's points; none
 *       below two answers, where there is no spread to estimate;</li>
 *   <li>NPS: nps ± z·100·SE with SE = √((p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> −
 *       p<sub>D</sub>)²)/n), the standard error of the difference of the promoter and detractor shares,
 *       clipped to −100…+100.</li>
 * </ul>
 * Without answers a metric has no value and no interval; nothing here throws on an empty histogram.
 */
public final class Metrics {

    public static final String MEAN = "mean";
    public static final String POSITIVE_PCT = "positivePct";
    public static final String LOW_PCT = "lowPct";
    public static final String CSAT = "csat";
    public static final String CES = "ces";
    public static final String EASY_PCT = "easyPct";
    public static final String NPS = "nps";
    public static final String PROMOTERS_PCT = "promotersPct";
    public static final String PASSIVES_PCT = "passivesPct";
    public static final String DETRACTORS_PCT = "detractorsPct";
    public static final String PMF = "pmf";

    /** The normal quantile of a two-sided 95 % interval. */
    public static final double Z_95 = 1.96;

    private final int minimumSample;

    /**
     * @param minimumSample the fewest answers a number may come from without being flagged as
     *                      {@linkplain Metric#lowSample() low-sample}
     */
    public Metrics(int minimumSample) {
        if (minimumSample < 0) {
            throw new IllegalArgumentException("a minimum sample cannot be negative: " + minimumSample);
        }
        this.minimumSample = minimumSample;
    }

    public int minimumSample() {
        return minimumSample;
    }

    /** The key of the number a scale is read by: CSAT %, the CES mean, NPS, PMF %. */
    public static String headline(Scale scale) {
        return switch (scale.family()) {
            case CSAT -> CSAT;
            case CES -> CES;
            case NPS -> NPS;
            case PMF -> PMF;
        };
    }

    /** Every metric of the histogram's scale, by key, in a stable order: the common ones first. */
    public Map<String, Metric> compute(Histogram histogram) {
        Scale scale = histogram.scale();
        long positive = histogram.countIn(scale.positiveBand());
        long low = histogram.countIn(scale.lowBand());
        Metric mean = mean(histogram);
        Metric positivePct = sharePct(positive, histogram.total());
        Metric lowPct = sharePct(low, histogram.total());

        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(MEAN, mean);
        metrics.put(POSITIVE_PCT, positivePct);
        metrics.put(LOW_PCT, lowPct);
        switch (scale.family()) {
            case CSAT -> metrics.put(CSAT, positivePct);
            case CES -> {
                metrics.put(CES, mean);
                metrics.put(EASY_PCT, positivePct);
            }
            case NPS -> {
                metrics.put(NPS, nps(positive, low, histogram.total()));
                metrics.put(PROMOTERS_PCT, positivePct);
                metrics.put(PASSIVES_PCT, sharePct(histogram.total() - positive - low, histogram.total()));
                metrics.put(DETRACTORS_PCT, lowPct);
            }
            case PMF -> metrics.put(PMF, positivePct);
        }
        return Collections.unmodifiableMap(metrics);
    }

    /** The mean of the normalized answers, with its normal-approximation interval. */
    public Metric mean(Histogram histogram) {
        long n = histogram.total();
        if (n == 0) {
            return Metric.absent(isLowSample(0));
        }
        Scale scale = histogram.scale();
        double sum = 0;
        for (int point = scale.min(); point <= scale.max(); point++) {
            sum += (double) histogram.count(point) * scale.normalize(point);
        }
        double mean = sum / n;
        if (n < 2) {
            return new Metric(mean, n, null, null, isLowSample(n));
        }
        double squaredDeviations = 0;
        for (int point = scale.min(); point <= scale.max(); point++) {
            double deviation = scale.normalize(point) - mean;
            squaredDeviations += histogram.count(point) * deviation * deviation;
        }
        double standardDeviation = Math.sqrt(squaredDeviations / (n - 1));
        double halfWidth = Z_95 * standardDeviation / Math.sqrt(n);
        return new Metric(mean, n,
                clamp(mean - halfWidth, scale.min(), scale.max()),
                clamp(mean + halfWidth, scale.min(), scale.max()),
                isLowSample(n));
    }

    /** The share of {@code k} answers out of {@code n}, in percent, with its Wilson score interval. */
    public Metric sharePct(long k, long n) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("a share needs 0 <= k <= n, got " + k + " of " + n);
        }
        if (n == 0) {
            return Metric.absent(isLowSample(0));
        }
        double share = (double) k / n;
        double zSquaredOverN = Z_95 * Z_95 / n;
        double denominator = 1 + zSquaredOverN;
        double centre = (share + zSquaredOverN / 2) / denominator;
        double halfWidth = Z_95 / denominator * Math.sqrt(share * (1 - share) / n + zSquaredOverN / (4.0 * n));
        return new Metric(100.0 * k / n, n,
                clamp(100 * (centre - halfWidth), 0, 100),
                clamp(100 * (centre + halfWidth), 0, 100),
                isLowSample(n));
    }

    /** NPS from the number of promoters and detractors among {@code n} answers. */
    public Metric nps(long promoters, long detractors, long n) {
        if (promoters < 0 || detractors < 0 || promoters + detractors > n) {
            throw new IllegalArgumentException("promoters " + promoters + " and detractors " + detractors
                    + " do not fit in " + n + " answers");
        }
        if (n == 0) {
            return Metric.absent(isLowSample(0));
        }
        double promoterShare = (double) promoters / n;
        double detractorShare = (double) detractors / n;
        double difference = promoterShare - detractorShare;
        double variance = Math.max(0, promoterShare + detractorShare - difference * difference) / n;
        double halfWidth = Z_95 * 100 * Math.sqrt(variance);
        double nps = 100.0 * (promoters - detractors) / n;
        return new Metric(nps, n, clamp(nps - halfWidth, -100, 100), clamp(nps + halfWidth, -100, 100),
                isLowSample(n));
    }

    private boolean isLowSample(long n) {
        return n < minimumSample;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
