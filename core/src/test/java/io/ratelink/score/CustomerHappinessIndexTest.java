package io.ratelink.score;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CustomerHappinessIndexTest {

    private static final Metric CSAT_80 = new Metric(80.0, 100, 71.0, 87.0, false);
    private static final Metric EASY_60 = new Metric(60.0, 100, 50.0, 69.0, false);
    private static final Metric NPS_10 = new Metric(10.0, 100, -5.0, 25.0, false);

    @Test
    void isTheWeightedMeanOfCsatCesEasyAndNpsMappedTo0To100() {
        CustomerHappinessIndex chi = CustomerHappinessIndex.of(CSAT_80, EASY_60, NPS_10, HappinessIndexWeights.DEFAULTS).orElseThrow();

        // 0.4 * 80 + 0.3 * 60 + 0.3 * (10 + 100) / 2
        assertThat(chi.value()).isCloseTo(66.5, within(1e-9));
        assertThat(chi.weights()).isEqualTo(new HappinessIndexWeights(0.4, 0.3, 0.3));
        assertThat(chi.csat()).isEqualTo(CSAT_80);
        assertThat(chi.cesEasy()).isEqualTo(EASY_60);
        assertThat(chi.nps()).isEqualTo(NPS_10);
    }

    @Test
    void weightsAreRenormalizedWhenNpsIsMissing() {
        CustomerHappinessIndex chi = CustomerHappinessIndex.of(CSAT_80, EASY_60, null, HappinessIndexWeights.DEFAULTS).orElseThrow();

        assertThat(chi.weights().csat()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(chi.weights().ces()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(chi.weights().nps()).isZero();
        // (0.4 * 80 + 0.3 * 60) / 0.7
        assertThat(chi.value()).isCloseTo(71.428571, within(1e-6));
        assertThat(chi.nps()).isNull();
    }

    @Test
    void aComponentWithoutAnswersCountsAsMissing() {
        CustomerHappinessIndex chi = CustomerHappinessIndex.of(CSAT_80, Metric.absent(true), NPS_10, HappinessIndexWeights.DEFAULTS).orElseThrow();

        assertThat(chi.weights().ces()).isZero();
        assertThat(chi.weights().csat()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(chi.cesEasy()).isNull();
        // (0.4 * 80 + 0.3 * 55) / 0.7
        assertThat(chi.value()).isCloseTo(69.285714, within(1e-6));
    }

    @Test
    void noComponentMeansNoIndex() {
        assertThat(CustomerHappinessIndex.of(null, null, Metric.absent(true), HappinessIndexWeights.DEFAULTS)).isEmpty();
        assertThat(CustomerHappinessIndex.of(null, EASY_60, null, new HappinessIndexWeights(1, 0, 0))).isEmpty();
    }

    @Test
    void isFlaggedAsLowSampleWhenAnyComponentIs() {
        Metric fewAnswers = new Metric(50.0, 4, 15.0, 85.0, true);

        assertThat(CustomerHappinessIndex.of(CSAT_80, EASY_60, NPS_10, HappinessIndexWeights.DEFAULTS).orElseThrow().lowSample()).isFalse();
        assertThat(CustomerHappinessIndex.of(CSAT_80, fewAnswers, NPS_10, HappinessIndexWeights.DEFAULTS).orElseThrow().lowSample()).isTrue();
    }

    @Test
    void poolsAnswersOfEveryScaleOfAFamily() {
        Metrics metrics = new Metrics(1);
        List<Histogram> histograms = List.of(
                Histogram.ofAnswers(Scale.CSAT_5, 5, 4, 1, 2),
                Histogram.ofAnswers(Scale.THUMBS, 1, 1, 1, 1, 0, 0),
                Histogram.ofAnswers(Scale.CES_7, 7, 6, 2, 4),
                Histogram.ofAnswers(Scale.PMF, 3, 3, 3));

        CustomerHappinessIndex chi = CustomerHappinessIndex.of(histograms, metrics, HappinessIndexWeights.DEFAULTS).orElseThrow();

        // CSAT: 2 + 4 positive of 10; CES: 2 easy of 4; no NPS
        assertThat(chi.csat().value()).isCloseTo(60.0, within(1e-9));
        assertThat(chi.csat().n()).isEqualTo(10);
        assertThat(chi.cesEasy().value()).isCloseTo(50.0, within(1e-9));
        assertThat(chi.nps()).isNull();
        assertThat(chi.value()).isCloseTo((0.4 * 60 + 0.3 * 50) / 0.7, within(1e-9));
    }

    @Test
    void weightsMustBeFiniteNonNegativeAndNotAllZero() {
        assertThatThrownBy(() -> new HappinessIndexWeights(-0.1, 0.5, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HappinessIndexWeights(Double.NaN, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HappinessIndexWeights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultWeightsAreFourTenthsCsatThreeTenthsCesThreeTenthsNps() {
        assertThat(HappinessIndexWeights.DEFAULTS).isEqualTo(new HappinessIndexWeights(0.4, 0.3, 0.3));
    }
}
