package io.ratelink.dashboard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void theWindowEndsOnItsLastDayAndThePreviousOneHasTheSameLengthJustBefore() {
        Period week = Period.ending(LocalDate.of(2026, 3, 10), 7);

        assertThat(week.first()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(week.days()).isEqualTo(7);
        assertThat(week.previous()).isEqualTo(new Period(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 3)));
        assertThat(week.contains(LocalDate.of(2026, 3, 4))).isTrue();
        assertThat(week.contains(LocalDate.of(2026, 3, 3))).isFalse();
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
