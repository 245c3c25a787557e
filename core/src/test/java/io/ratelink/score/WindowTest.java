package io.ratelink.score;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WindowTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 31);

    @Test
    void parsesItsLabels() {
        assertThat(Window.parse("7d")).contains(Window.LAST_7_DAYS);
        assertThat(Window.parse("30d")).contains(Window.LAST_30_DAYS);
        assertThat(Window.parse("90d")).contains(Window.LAST_90_DAYS);
        assertThat(Window.parse("all")).contains(Window.ALL_TIME);
        assertThat(Window.parse("7")).isEmpty();
        assertThat(Window.parse("1y")).isEmpty();
        assertThat(Window.parse(null)).isEmpty();
        for (Window window : Window.values()) {
            assertThat(Window.parse(window.label())).contains(window);
        }
    }

    @Test
    void sevenDaysAreTheSevenDaysEndingOnTheDayAsOfInclusive() {
        assertThat(Window.LAST_7_DAYS.contains(AS_OF, AS_OF)).isTrue();
        assertThat(Window.LAST_7_DAYS.contains(AS_OF.minusDays(6), AS_OF)).isTrue();
        assertThat(Window.LAST_7_DAYS.contains(AS_OF.minusDays(7), AS_OF)).isFalse();
        assertThat(Window.LAST_7_DAYS.contains(AS_OF.plusDays(1), AS_OF)).isFalse();
        assertThat(Window.LAST_7_DAYS.firstDay(AS_OF)).contains(LocalDate.of(2025, 3, 25));
    }

    @Test
    void thirtyAndNinetyDaysCountBackTheSameWay() {
        assertThat(Window.LAST_30_DAYS.contains(AS_OF.minusDays(29), AS_OF)).isTrue();
        assertThat(Window.LAST_30_DAYS.contains(AS_OF.minusDays(30), AS_OF)).isFalse();
        assertThat(Window.LAST_90_DAYS.contains(AS_OF.minusDays(89), AS_OF)).isTrue();
        assertThat(Window.LAST_90_DAYS.contains(AS_OF.minusDays(90), AS_OF)).isFalse();
    }

    @Test
    void allTimeHasNoFirstDayButEndsOnTheDayAsOf() {
        assertThat(Window.ALL_TIME.contains(LocalDate.of(2001, 1, 1), AS_OF)).isTrue();
        assertThat(Window.ALL_TIME.contains(AS_OF.plusDays(1), AS_OF)).isFalse();
        assertThat(Window.ALL_TIME.firstDay(AS_OF)).isEmpty();
    }
}
