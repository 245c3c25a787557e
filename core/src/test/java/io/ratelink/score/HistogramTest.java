package io.ratelink.score;

import io.ratelink.survey.Band;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramTest {

    @Test
    void countsAnswersPerPointFromTheScalesLowestPoint() {
        Histogram nps = Histogram.ofAnswers(Scale.NPS, 0, 0, 10, 7);

        assertThat(nps.count(0)).isEqualTo(2);
        assertThat(nps.count(7)).isEqualTo(1);
        assertThat(nps.count(10)).isEqualTo(1);
        assertThat(nps.total()).isEqualTo(4);
        assertThat(nps.counts()).containsExactly(2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1);
        assertThat(Histogram.ofAnswers(Scale.CSAT_5, 1, 5).counts()).containsExactly(1, 0, 0, 0, 1);
    }

    @Test
    void mergingAddsCountsPointByPoint() {
        Histogram monday = Histogram.of(Scale.CSAT_3, 1, 0, 4);
        Histogram tuesday = Histogram.of(Scale.CSAT_3, 2, 3, 1);

        assertThat(monday.plus(tuesday)).isEqualTo(Histogram.of(Scale.CSAT_3, 3, 3, 5));
        assertThat(monday.plus(tuesday).total()).isEqualTo(11);
        assertThat(monday.plus(Histogram.empty(Scale.CSAT_3))).isEqualTo(monday);
    }

    @Test
    void addAndSubtractReturnNewHistogramsAndLeaveTheOriginal() {
        Histogram original = Histogram.of(Scale.THUMBS, 1, 1);

        assertThat(original.add(1, 3)).isEqualTo(Histogram.of(Scale.THUMBS, 1, 4));
        assertThat(original.subtract(0, 1)).isEqualTo(Histogram.of(Scale.THUMBS, 0, 1));
        assertThat(original).isEqualTo(Histogram.of(Scale.THUMBS, 1, 1));
    }

    @Test
    void refusesToCountBelowZero() {
        Histogram.Accumulator accumulator = new Histogram.Accumulator(Scale.CSAT_5).add(4, 1);

        assertThatThrownBy(() -> accumulator.subtract(4, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(accumulator.count(4)).isEqualTo(1);
        assertThatThrownBy(() -> Histogram.of(Scale.THUMBS, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPointsOffTheScaleAndMergesAcrossScales() {
        assertThatThrownBy(() -> Histogram.ofAnswers(Scale.CSAT_5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Histogram.empty(Scale.CSAT_5).plus(Histogram.empty(Scale.CES_5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Histogram.of(Scale.CSAT_5, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotIsNotChangedByLaterCounting() {
        Histogram.Accumulator accumulator = new Histogram.Accumulator(Scale.CES_7).add(6, 2);
        Histogram before = accumulator.snapshot();

        accumulator.add(6, 1).subtract(6, 2).add(1, 5);

        assertThat(before).isEqualTo(Histogram.of(Scale.CES_7, 0, 0, 0, 0, 0, 2, 0));
        assertThat(accumulator.snapshot()).isEqualTo(Histogram.of(Scale.CES_7, 5, 0, 0, 0, 0, 1, 0));
        assertThat(accumulator.snapshot().total()).isEqualTo(6);
    }

    @Test
    void countsCopiesCannotChangeTheHistogram() {
        long[] counts = {1, 2};
        Histogram thumbs = Histogram.of(Scale.THUMBS, counts);

        counts[0] = 99;
        thumbs.counts()[1] = 99;

        assertThat(thumbs.counts()).containsExactly(1, 2);
    }

    @Test
    void countsInABandOfRawPoints() {
        Histogram effort = Histogram.ofAnswers(Scale.CES_EFFORT_5, 1, 2, 2, 5);

        assertThat(effort.countIn(Scale.CES_EFFORT_5.positiveBand())).isEqualTo(3);
        assertThat(effort.countIn(Scale.CES_EFFORT_5.lowBand())).isEqualTo(1);
        assertThat(effort.countIn(Band.NONE)).isZero();
    }

    @Test
    void equalHistogramsHaveTheSameScaleAndCounts() {
        assertThat(Histogram.of(Scale.CSAT_5, 1, 0, 0, 0, 2)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 5, 1, 5))
                .hasSameHashCodeAs(Histogram.ofAnswers(Scale.CSAT_5, 5, 1, 5));
        assertThat(Histogram.empty(Scale.CES_5)).isNotEqualTo(Histogram.empty(Scale.CSAT_5));
    }
}
