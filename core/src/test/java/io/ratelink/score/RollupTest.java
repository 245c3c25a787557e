package io.ratelink.score;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aChangedDayMovesEveryWindowThatContainsItAndNoOther() {
        LocalDate tenDaysAgo = AS_OF.minusDays(10);
        Map<LocalDate, Histogram> days = Map.of(
                AS_OF, Histogram.of(Scale.THUMBS, 1, 1),
                tenDaysAgo, Histogram.of(Scale.THUMBS, 0, 3));
        Map<Window, Histogram> windows = Rollup.windows(Scale.THUMBS, days, AS_OF);

        Map<Window, Histogram> shifted = Rollup.withChangedDays(Scale.THUMBS, windows, AS_OF,
                Map.of(tenDaysAgo, Histogram.of(Scale.THUMBS, 0, 3)),
                Map.of(tenDaysAgo, Histogram.of(Scale.THUMBS, 2, 1)));

        assertThat(shifted.get(Window.LAST_7_DAYS)).isEqualTo(Histogram.of(Scale.THUMBS, 1, 1));
        assertThat(shifted.get(Window.LAST_30_DAYS)).isEqualTo(Histogram.of(Scale.THUMBS, 3, 2));
        assertThat(shifted.get(Window.ALL_TIME)).isEqualTo(Histogram.of(Scale.THUMBS, 3, 2));
    }

    @Test
    void aChangedDayAfterTheAsOfDayMovesNoWindow() {
        Map<Window, Histogram> windows = Rollup.windows(Scale.THUMBS, Map.of(AS_OF, Histogram.of(Scale.THUMBS, 1, 0)), AS_OF);

        Map<Window, Histogram> shifted = Rollup.withChangedDays(Scale.THUMBS, windows, AS_OF,
                Map.of(), Map.of(AS_OF.plusDays(1), Histogram.of(Scale.THUMBS, 0, 5)));

        assertThat(shifted).isEqualTo(windows);
    }

    @Test
    void aWindowHoldingLessThanAChangedDayHeldBeforeIsRefused() {
        Map<Window, Histogram> windows = Rollup.windows(Scale.THUMBS, Map.of(), AS_OF);

        assertThatThrownBy(() -> Rollup.withChangedDays(Scale.THUMBS, windows, AS_OF,
                Map.of(AS_OF, Histogram.of(Scale.THUMBS, 1, 0)), Map.of(AS_OF, Histogram.empty(Scale.THUMBS))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowsMovedByTheChangedDaysEqualWindowsRolledUpAgainForManyRandomChanges() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            Map<LocalDate, Histogram> before = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                before.put(AS_OF.minusDays(random.nextInt(200) - 3), randomCsat(random));
            }
            Map<LocalDate, Histogram> changedBefore = new HashMap<>();
            Map<LocalDate, Histogram> changedAfter = new HashMap<>();
            Map<LocalDate, Histogram> after = new HashMap<>(before);
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                LocalDate day = AS_OF.minusDays(random.nextInt(200) - 3);
                Histogram changed = random.nextInt(4) == 0 ? Histogram.empty(Scale.CSAT_5) : randomCsat(random);
                if (!changedAfter.containsKey(day) && before.containsKey(day)) {
                    changedBefore.put(day, before.get(day));
                }
                changedAfter.put(day, changed);
                after.put(day, changed);
            }

            Map<Window, Histogram> shifted = Rollup.withChangedDays(Scale.CSAT_5,
                    Rollup.windows(Scale.CSAT_5, before, AS_OF), AS_OF, changedBefore, changedAfter);

            assertThat(shifted).as("seed %d", seed).isEqualTo(Rollup.windows(Scale.CSAT_5, after, AS_OF));
        }
    }

    private static Histogram randomCsat(Random random) {
        long[] counts = new long[Scale.CSAT_5.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = random.nextInt(4);
        }
        return Histogram.of(Scale.CSAT_5, counts);
    }
}
