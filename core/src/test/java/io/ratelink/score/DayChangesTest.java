package io.ratelink.score;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

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
    void aPreviouslyCountedScoreMissingFromOneDimensionMovesNothing() {
        Histogram stored = Histogram.ofAnswers(Scale.CSAT_5, 3);
        DayChanges changes = new DayChanges(Map.of(ORG_DAY, stored, TEAM_DAY, stored));

        assertThatThrownBy(() -> changes.apply(change(3, 4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agent:a1")
                .hasMessageContaining("full rebuild");
        assertThat(changes.changedDays()).isEmpty();
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
}
