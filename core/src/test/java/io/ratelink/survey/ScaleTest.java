package io.ratelink.survey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTest {

    @Test
    void lowAndPositiveBandsAreThoseOfTheSourceMaterial() {
        assertThat(Scale.CSAT_5.isLow(2)).isTrue();
        assertThat(Scale.CSAT_5.isLow(3)).isFalse();
        assertThat(Scale.CSAT_5.isPositive(4)).isTrue();
        assertThat(Scale.CES_7.isLow(3)).isTrue();
        assertThat(Scale.CES_7.isPositive(5)).isTrue();
        assertThat(Scale.CES_10.isLow(3)).isTrue();
        assertThat(Scale.CES_10.isPositive(7)).isTrue();
        assertThat(Scale.NPS.isLow(6)).isTrue();
        assertThat(Scale.NPS.isPositive(9)).isTrue();
        assertThat(Scale.NPS.isPositive(8)).isFalse();
        assertThat(Scale.THUMBS.isLow(0)).isTrue();
        assertThat(Scale.PMF.lowBand().isEmpty()).isTrue();
    }

    @Test
    void anEffortQuestionAskedTheOtherWayRoundIsNormalizedSoHigherIsBetter() {
        assertThat(Scale.CES_EFFORT_5.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Scale.CES_EFFORT_5.normalize(1)).isEqualTo(5);
        assertThat(Scale.CES_EFFORT_5.normalize(5)).isEqualTo(1);
        assertThat(Scale.CES_EFFORT_5.isLow(5)).isTrue();
        assertThat(Scale.CES_5.normalize(2)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Scale.class)
    void everyPointHasASymbolAndBandsStayOnTheScale(Scale scale) {
        for (int point : scale.points()) {
            assertThat(scale.symbol(point)).isNotBlank();
        }
        assertThat(scale.lowBand().isEmpty() || scale.isValid(scale.lowBand().from()) && scale.isValid(scale.lowBand().to())).isTrue();
        assertThat(scale.isValid(scale.positiveBand().from()) && scale.isValid(scale.positiveBand().to())).isTrue();
    }
}
