package io.ratelink.escalate;

import io.ratelink.survey.Band;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LowBandsTest {

    @Test
    void withoutOverridesTheCatalogueDecides() {
        LowBands bands = LowBands.catalogue();
        for (Scale scale : Scale.values()) {
            assertThat(bands.band(scale)).as(scale.name()).isEqualTo(scale.lowBand());
        }
    }

    @Test
    void anOverrideReplacesOneScaleAndLeavesTheOthers() {
        LowBands bands = LowBands.withOverrides(Map.of("NPS", " 0 - 4 ", "THUMBS", "none"));
        assertThat(bands.band(Scale.NPS)).isEqualTo(Band.of(0, 4));
        assertThat(bands.isLow(Scale.THUMBS, 0)).isFalse();
        assertThat(bands.band(Scale.CSAT_5)).isEqualTo(Scale.CSAT_5.lowBand());
    }

    @Test
    void anUnknownScaleOrABandOffTheScaleIsRefused() {
        assertThatThrownBy(() -> LowBands.withOverrides(Map.of("CSAT_6", "1-2"))).hasMessageContaining("'CSAT_6' is not a scale");
        assertThatThrownBy(() -> LowBands.withOverrides(Map.of("CSAT_5", "0-2"))).hasMessageContaining("between 1 and 5");
        assertThatThrownBy(() -> LowBands.withOverrides(Map.of("CSAT_5", "3-1"))).hasMessageContaining("between 1 and 5");
        assertThatThrownBy(() -> LowBands.withOverrides(Map.of("CSAT_5", "low"))).hasMessageContaining("neither");
    }
}
