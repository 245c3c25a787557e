package io.ratelink.score;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RollupTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Test
    void eachWindowIsTheSumOfTheDaysItContains() {
        Map<LocalDate, Histogram> days = Map.of(
                AS_OF, Histogram.of(Scale.THUMBS, 1, 0),
                AS_OF.minusDays(6), Histogram.of(Scale.THUMBS, 0, 2),
                AS_OF.minusDays(7), Histogram.of(Scale.THUMBS, 0, 4),
                AS_OF.minusDays(29), Histogram.of(Scale.THUMBS, 8, 0),
                AS_OF.minusDays(89), Histogram.of(Scale.THUMBS, 0, 16),
                AS_OF.minusDays(90), Histogram.of(Scale.THUMBS, 32, 0),
                AS_OF.plusDays(1), Histogram.of(Scale.THUMBS, 64, 64));

        Map<Window, Histogram> windows = Rollup.windows(Scale.THUMBS, days, AS_OF);

        assertThat(windows).containsOnlyKeys(Window.values());
        assertThat(windows.get(Window.LAST_7_DAYS)).isEqualTo(Histogram.of(Scale.THUMBS, 1, 2));
        assertThat(windows.get(Window.LAST_30_DAYS)).isEqualTo(Histogram.of(Scale.THUMBS, 9, 6));
        assertThat(windows.get(Window.LAST_90_DAYS)).isEqualTo(Histogram.of(Scale.THUMBS, 9, 22));
        assertThat(windows.get(Window.ALL_TIME)).isEqualTo(Histogram.of(Scale.THUMBS, 41, 22));
        for (Window window : Window.values()) {
            assertThat(Rollup.window(Scale.THUMBS, days, window, AS_OF)).isEqualTo(windows.get(window));
        }
    }

    @Test
    void windowsWithoutDaysAreEmptyHistogramsOfTheScale() {
        Map<Window, Histogram> windows = Rollup.windows(Scale.NPS, Map.of(), AS_OF);

        assertThat(windows.values()).containsOnly(Histogram.empty(Scale.NPS));
    }

    @Test
    void rollsUpTheSeriesOfAFold() {
        Fold fold = Fold.rebuild(List.of(
                RatingChange.firstCount("s1", Scale.CSAT_3, "t1", "a1", AS_OF, 3),
                RatingChange.firstCount("s2", Scale.CSAT_3, "t1", "a2", AS_OF.minusDays(10), 1)));
        Series team = new Series(Dimension.team("t1"), Scale.CSAT_3);
        Series agent = new Series(Dimension.agent("a2"), Scale.CSAT_3);

        Map<Series, Map<Window, Histogram>> rolledUp = Rollup.windows(fold, List.of(team, agent), AS_OF);

        assertThat(rolledUp.get(team).get(Window.LAST_7_DAYS)).isEqualTo(Histogram.of(Scale.CSAT_3, 0, 0, 1));
        assertThat(rolledUp.get(team).get(Window.LAST_30_DAYS)).isEqualTo(Histogram.of(Scale.CSAT_3, 1, 0, 1));
        assertThat(rolledUp.get(agent).get(Window.LAST_7_DAYS)).isEqualTo(Histogram.empty(Scale.CSAT_3));
        assertThat(rolledUp.get(agent).get(Window.ALL_TIME)).isEqualTo(Histogram.of(Scale.CSAT_3, 1, 0, 0));
    }
}
