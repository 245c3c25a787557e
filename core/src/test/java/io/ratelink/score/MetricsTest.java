package io.ratelink.score;

import io.ratelink.survey.Direction;
import io.ratelink.survey.Scale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Expected intervals are literals computed outside this code (Python, from the textbook formulas), so a
 * mistake in the implementation cannot hide in the expectation.
 */
class MetricsTest {

    private static final Offset<Double> FOUR_DECIMALS = within(0.0001);

    private final Metrics metrics = new Metrics(30);

    @Test
    void cesOfAnswers45433IsThreePointEight() {
        Map<String, Metric> ces = metrics.compute(Histogram.ofAnswers(Scale.CES_5, 4, 5, 4, 3, 3));

        assertThat(ces.get(Metrics.CES).value()).isCloseTo(3.8, FOUR_DECIMALS);
        assertThat(ces.get(Metrics.CES).n()).isEqualTo(5);
        assertThat(ces.get(Metrics.MEAN)).isEqualTo(ces.get(Metrics.CES));
        assertThat(ces.get(Metrics.EASY_PCT).value()).isCloseTo(60.0, FOUR_DECIMALS);
        assertThat(ces.get(Metrics.EASY_PCT)).isEqualTo(ces.get(Metrics.POSITIVE_PCT));
    }

    @Test
    void meanIntervalIsMeanPlusMinus196SampleSdOverRootN() {
        Metric mean = metrics.mean(Histogram.ofAnswers(Scale.CES_5, 4, 5, 4, 3, 3));

        // s = sqrt(2.8 / 4) = 0.836660; 1.96 * s / sqrt(5) = 0.733365
        assertThat(mean.low()).isCloseTo(3.066635, within(1e-6));
        assertThat(mean.high()).isCloseTo(4.533365, within(1e-6));
    }

    @Test
    void effortScaleMeanIsOfNormalizedAnswersSoHigherIsBetter() {
        assertThat(Scale.CES_EFFORT_5.direction()).isEqualTo(Direction.LOWER_IS_BETTER);

        Map<String, Metric> effort = metrics.compute(Histogram.ofAnswers(Scale.CES_EFFORT_5, 4, 5, 4, 3, 3));

        // normalized: 2, 1, 2, 3, 3
        assertThat(effort.get(Metrics.CES).value()).isCloseTo(2.2, FOUR_DECIMALS);
        assertThat(effort.get(Metrics.CES).low()).isCloseTo(1.466635, within(1e-6));
        assertThat(effort.get(Metrics.CES).high()).isCloseTo(2.933365, within(1e-6));
        assertThat(effort.get(Metrics.EASY_PCT).value()).isCloseTo(0.0, FOUR_DECIMALS);
        assertThat(effort.get(Metrics.LOW_PCT).value()).isCloseTo(60.0, FOUR_DECIMALS);

        Map<String, Metric> lowEffort = metrics.compute(Histogram.ofAnswers(Scale.CES_EFFORT_5, 1, 1, 2));
        assertThat(lowEffort.get(Metrics.CES).value()).isCloseTo(14.0 / 3, FOUR_DECIMALS);
        assertThat(lowEffort.get(Metrics.EASY_PCT).value()).isCloseTo(100.0, FOUR_DECIMALS);
    }

    @Test
    void npsCountsZeroToSixAsDetractorsSevenEightPassivesNineTenPromoters() {
        Map<String, Metric> nps = metrics.compute(Histogram.ofAnswers(Scale.NPS, 0, 3, 6, 7, 8, 8, 9, 10, 10, 10));

        assertThat(nps.get(Metrics.DETRACTORS_PCT).value()).isCloseTo(30.0, FOUR_DECIMALS);
        assertThat(nps.get(Metrics.PASSIVES_PCT).value()).isCloseTo(30.0, FOUR_DECIMALS);
        assertThat(nps.get(Metrics.PROMOTERS_PCT).value()).isCloseTo(40.0, FOUR_DECIMALS);
        assertThat(nps.get(Metrics.NPS).value()).isCloseTo(10.0, FOUR_DECIMALS);
        assertThat(nps.get(Metrics.NPS).n()).isEqualTo(10);
    }

    @Test
    void npsBoundariesSixIsDetractorSevenAndEightPassiveNinePromoter() {
        assertThat(metrics.compute(Histogram.ofAnswers(Scale.NPS, 6)).get(Metrics.NPS).value()).isEqualTo(-100.0);
        assertThat(metrics.compute(Histogram.ofAnswers(Scale.NPS, 7)).get(Metrics.NPS).value()).isEqualTo(0.0);
        assertThat(metrics.compute(Histogram.ofAnswers(Scale.NPS, 8)).get(Metrics.NPS).value()).isEqualTo(0.0);
        assertThat(metrics.compute(Histogram.ofAnswers(Scale.NPS, 9)).get(Metrics.NPS).value()).isEqualTo(100.0);
    }

    @Test
    void npsIntervalUsesStandardErrorOfPromoterDetractorDifference() {
        Metric nps = metrics.nps(4, 3, 10);

        // SE = sqrt((0.4 + 0.3 - 0.1^2) / 10) = 0.2626785; 1.96 * 100 * SE = 51.484988
        assertThat(nps.value()).isCloseTo(10.0, FOUR_DECIMALS);
        assertThat(nps.low()).isCloseTo(-41.484988, within(1e-5));
        assertThat(nps.high()).isCloseTo(61.484988, within(1e-5));
    }

    @Test
    void npsIntervalIsClampedToPlusMinus100() {
        Metric nps = metrics.nps(9, 0, 10);

        // unclamped: 90 ± 18.594193 = [71.405807, 108.594193]
        assertThat(nps.low()).isCloseTo(71.405807, within(1e-5));
        assertThat(nps.high()).isEqualTo(100.0);
    }

    @Test
    void wilsonIntervalOf8Of10() {
        Metric share = metrics.sharePct(8, 10);

        assertThat(share.value()).isCloseTo(80.0, FOUR_DECIMALS);
        assertThat(share.low()).isCloseTo(49.0157, within(0.001));
        assertThat(share.high()).isCloseTo(94.3319, within(0.001));
    }

    @Test
    void wilsonIntervalsMatchIndependentlyComputedValues() {
        assertInterval(metrics.sharePct(45, 50), 78.6395, 95.6525);
        assertInterval(metrics.sharePct(3, 5), 23.0720, 88.2382);
        assertInterval(metrics.sharePct(29, 30), 83.3292, 99.4092);
        assertInterval(metrics.sharePct(1, 1), 20.6543, 100.0);
    }

    @Test
    void wilsonIntervalOfNoneIsNotDegenerate() {
        assertInterval(metrics.sharePct(0, 20), 0.0, 16.1130);
    }

    @Test
    void pmfHasNoLowBandSoLowPctIsZeroWithItsInterval() {
        Map<String, Metric> pmf = metrics.compute(Histogram.ofAnswers(Scale.PMF, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1));

        assertThat(pmf.get(Metrics.LOW_PCT).value()).isEqualTo(0.0);
        assertInterval(pmf.get(Metrics.LOW_PCT), 0.0, 27.7540);
        assertThat(pmf.get(Metrics.PMF).value()).isCloseTo(40.0, FOUR_DECIMALS);
        assertThat(pmf.get(Metrics.PMF)).isEqualTo(pmf.get(Metrics.POSITIVE_PCT));
    }

    @Test
    void csatIsTopTwoBoxShare() {
        Map<String, Metric> csat = metrics.compute(Histogram.ofAnswers(Scale.CSAT_5, 5, 4, 4, 3, 1));

        assertThat(csat.get(Metrics.CSAT).value()).isCloseTo(60.0, FOUR_DECIMALS);
        assertThat(csat.get(Metrics.LOW_PCT).value()).isCloseTo(20.0, FOUR_DECIMALS);
        assertThat(csat.get(Metrics.MEAN).value()).isCloseTo(3.4, FOUR_DECIMALS);
    }

    @Test
    void keysAreExactlyThoseOfTheScaleFamily() {
        assertThat(metrics.compute(Histogram.empty(Scale.THUMBS)).keySet())
                .containsExactly("mean", "positivePct", "lowPct", "csat");
        assertThat(metrics.compute(Histogram.empty(Scale.CES_7)).keySet())
                .containsExactly("mean", "positivePct", "lowPct", "ces", "easyPct");
        assertThat(metrics.compute(Histogram.empty(Scale.NPS)).keySet())
                .containsExactly("mean", "positivePct", "lowPct", "nps", "promotersPct", "passivesPct",
                        "detractorsPct");
        assertThat(metrics.compute(Histogram.empty(Scale.PMF)).keySet())
                .containsExactly("mean", "positivePct", "lowPct", "pmf");
    }

    @Test
    void noAnswersGiveNoValuesAndNoIntervalsWithoutThrowing() {
        for (Scale scale : Scale.values()) {
            assertThat(metrics.compute(Histogram.empty(scale)).values()).allSatisfy(metric -> {
                assertThat(metric.hasValue()).isFalse();
                assertThat(metric.hasInterval()).isFalse();
                assertThat(metric.n()).isZero();
                assertThat(metric.lowSample()).isTrue();
            });
        }
    }

    @Test
    void meanOfOneAnswerHasNoInterval() {
        Metric mean = metrics.mean(Histogram.ofAnswers(Scale.CSAT_5, 4));

        assertThat(mean.value()).isEqualTo(4.0);
        assertThat(mean.hasInterval()).isFalse();
    }

    @Test
    void meanIntervalStaysOnTheScalesPoints() {
        Metric mean = metrics.mean(Histogram.ofAnswers(Scale.CSAT_5, 1, 5));

        assertThat(mean.low()).isEqualTo(1.0);
        assertThat(mean.high()).isEqualTo(5.0);
    }

    @Test
    void numbersFromFewerAnswersThanTheMinimumAreFlaggedNotHidden() {
        Histogram twentyNine = Histogram.of(Scale.THUMBS, 9, 20);
        Histogram thirty = Histogram.of(Scale.THUMBS, 10, 20);

        assertThat(metrics.compute(twentyNine).values()).allSatisfy(metric -> {
            assertThat(metric.lowSample()).isTrue();
            assertThat(metric.hasValue()).isTrue();
        });
        assertThat(metrics.compute(thirty).values()).noneMatch(Metric::lowSample);
        assertThat(new Metrics(5).compute(twentyNine).values()).noneMatch(Metric::lowSample);
    }

    private static void assertInterval(Metric metric, double low, double high) {
        assertThat(metric.low()).isCloseTo(low, FOUR_DECIMALS);
        assertThat(metric.high()).isCloseTo(high, FOUR_DECIMALS);
    }
}
