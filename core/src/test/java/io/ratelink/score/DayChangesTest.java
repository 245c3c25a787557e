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

class DayChangesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 5, 12);
    private static final DayKey ORG_DAY = new DayKey(Dimension.ORG, Scale.CSAT_5, DAY);
    private static final DayKey TEAM_DAY = new DayKey(Dimension.team("t1"), Scale.CSAT_5, DAY);
    private static final DayKey AGENT_DAY = new DayKey(Dimension.agent("a1"), Scale.CSAT_5, DAY);

    @Test
    void aChangeOfMindMovesTheCountInTheStoredDaysOfItsThreeDimensions() {
        Histogram stored = Histogram.ofAnswers(Scale.CSAT_5, 2, 4);
        DayChanges changes = new DayChanges(Map.of(ORG_DAY, stored, TEAM_DAY, stored, AGENT_DAY, stored));

        changes.apply(change(4, 5));

        assertThat(changes.changedDays()).containsOnlyKeys(ORG_DAY, TEAM_DAY, AGENT_DAY);
        assertThat(changes.changedDays().values()).containsOnly(Histogram.ofAnswers(Scale.CSAT_5, 2, 5));
    }

    @Test
    void aRatingThatStopsCountingLeavesItsDaysEmptyAndReportsThem() {
        Histogram stored = Histogram.ofAnswers(Scale.CSAT_5, 3);
        DayChanges changes = new DayChanges(Map.of(ORG_DAY, stored, TEAM_DAY, stored, AGENT_DAY, stored));

        changes.apply(change(3, null));

        assertThat(changes.changedDays().values()).containsOnly(Histogram.empty(Scale.CSAT_5));
    }

    @Test
    void aPreviouslyCountedScoreMissingFromOneDimensionIsReportedAndTheCountMovesAsFarAsItCan() {
        Histogram stored = Histogram.ofAnswers(Scale.CSAT_5, 3);
        DayChanges changes = new DayChanges(Map.of(ORG_DAY, stored, TEAM_DAY, stored));

        changes.apply(change(3, 4));

        assertThat(changes.missing()).containsExactly(new DayChanges.MissingCount("s1", AGENT_DAY.series(), DAY, 3));
        assertThat(changes.changedDays()).containsOnlyKeys(ORG_DAY, TEAM_DAY, AGENT_DAY)
                .allSatisfy((day, histogram) -> assertThat(histogram).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 4)));
    }

    @Test
    void daysNoChangeTouchesAreNeitherReadNorReported() {
        DayKey otherDay = new DayKey(Dimension.ORG, Scale.CSAT_5, DAY.minusDays(1));
        DayChanges changes = new DayChanges(Map.of(otherDay, Histogram.ofAnswers(Scale.CSAT_5, 1)));

        changes.apply(change(null, 2));

        assertThat(changes.changedDays()).doesNotContainKey(otherDay).containsOnlyKeys(ORG_DAY, TEAM_DAY, AGENT_DAY);
    }

    private static RatingChange change(Integer previouslyCounted, Integer toCount) {
        return new RatingChange("s1", Scale.CSAT_5, "t1", "a1", DAY, previouslyCounted, toCount);
    }

    @Test
    void aChangedDayMovesEveryWindowThatContainsItAndNoOther() {
        LocalDate tenDaysAgo = DAY.minusDays(10);
        Series team = new Series(Dimension.team("t1"), Scale.CSAT_5);
        Map<LocalDate, Histogram> days = Map.of(DAY, Histogram.ofAnswers(Scale.CSAT_5, 1, 5),
                tenDaysAgo, Histogram.ofAnswers(Scale.CSAT_5, 4, 4, 4));
        Map<Window, Histogram> windows = Rollup.windows(Scale.CSAT_5, days, DAY);
        Histogram stored = days.get(tenDaysAgo);
        DayChanges changes = new DayChanges(Map.of(team.on(tenDaysAgo), stored,
                new DayKey(Dimension.ORG, Scale.CSAT_5, tenDaysAgo), stored,
                new DayKey(Dimension.agent("a1"), Scale.CSAT_5, tenDaysAgo), stored));

        changes.apply(new RatingChange("s1", Scale.CSAT_5, "t1", "a1", tenDaysAgo, 4, 2));
        Map<Window, Histogram> moved = changes.movedWindows(team, windows, DAY);

        assertThat(moved.get(Window.LAST_7_DAYS)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1, 5));
        assertThat(moved.get(Window.LAST_30_DAYS)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1, 5, 2, 4, 4));
        assertThat(moved.get(Window.ALL_TIME)).isEqualTo(moved.get(Window.LAST_30_DAYS));
    }

    @Test
    void aChangedDayAfterTheAsOfDayMovesNoWindow() {
        Series org = new Series(Dimension.ORG, Scale.CSAT_5);
        Map<Window, Histogram> windows = Rollup.windows(Scale.CSAT_5, Map.of(DAY, Histogram.ofAnswers(Scale.CSAT_5, 3)), DAY);
        DayChanges changes = new DayChanges(Map.of());

        changes.apply(new RatingChange("s1", Scale.CSAT_5, "t1", "a1", DAY.plusDays(1), null, 5));

        assertThat(changes.movedWindows(org, windows, DAY)).isEqualTo(windows);
    }

    @Test
    void aWindowHoldingLessThanTheDaysItContainsIsRefused() {
        Histogram stored = Histogram.ofAnswers(Scale.CSAT_5, 3);
        DayChanges changes = new DayChanges(Map.of(ORG_DAY, stored, TEAM_DAY, stored, AGENT_DAY, stored));
        changes.apply(change(3, null));

        assertThatThrownBy(() -> changes.movedWindows(ORG_DAY.series(), Map.of(), DAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void windowsMovedByTheChangedDaysEqualWindowsRolledUpAgainForManyRandomChanges() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            Map<DayKey, Histogram> stored = new HashMap<>();
            for (int i = 0; i < 60; i++) {
                LocalDate day = DAY.minusDays(random.nextInt(200) - 3);
                Fold.rebuild(List.of(new RatingChange("x" + i, Scale.NPS, "t1", "a" + random.nextInt(2), day,
                        null, random.nextInt(11)))).dayHistograms().forEach((key, histogram) -> stored.merge(key, histogram, Histogram::plus));
            }
            Series team = new Series(Dimension.team("t1"), Scale.NPS);
            Map<LocalDate, Histogram> teamDays = daysOf(team, stored);
            Map<Window, Histogram> windows = Rollup.windows(Scale.NPS, teamDays, DAY);
            DayChanges changes = new DayChanges(stored);
            for (int i = 0; i < 1 + random.nextInt(10); i++) {
                LocalDate day = DAY.minusDays(random.nextInt(200) - 3);
                changes.apply(new RatingChange("y" + i, Scale.NPS, "t1", "a" + random.nextInt(2), day, null,
                        random.nextInt(11)));
            }
            Map<LocalDate, Histogram> after = new HashMap<>(teamDays);
            after.putAll(changes.changedDays(team));

            assertThat(changes.movedWindows(team, windows, DAY)).as("seed %d", seed)
                    .isEqualTo(Rollup.windows(Scale.NPS, after, DAY));
        }
    }

    private static Map<LocalDate, Histogram> daysOf(Series series, Map<DayKey, Histogram> days) {
        Map<LocalDate, Histogram> ofSeries = new HashMap<>();
        days.forEach((key, histogram) -> {
            if (key.series().equals(series)) {
                ofSeries.put(key.day(), histogram);
            }
        });
        return ofSeries;
    }
}
