package io.ratelink.score;

import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldTest {

    private static final LocalDate DAY = LocalDate.of(2025, 5, 12);
    private static final DayKey ORG_DAY = new DayKey(Dimension.ORG, Scale.CSAT_5, DAY);
    private static final DayKey TEAM_DAY = new DayKey(Dimension.team("t1"), Scale.CSAT_5, DAY);
    private static final DayKey AGENT_DAY = new DayKey(Dimension.agent("a1"), Scale.CSAT_5, DAY);

    @Test
    void aFirstClickCountsOnceInTheOrgItsTeamAndItsAgentOnItsDay() {
        Fold fold = new Fold();

        fold.apply(change("s1", null, 4));

        assertThat(fold.dayHistograms()).containsOnlyKeys(ORG_DAY, TEAM_DAY, AGENT_DAY);
        assertThat(fold.dayHistograms().values()).containsOnly(Histogram.ofAnswers(Scale.CSAT_5, 4));
    }

    @Test
    void aChangeOfMindMovesTheCountToTheNewPointOfTheSameDay() {
        Fold fold = new Fold();
        fold.apply(change("s1", null, 4));
        fold.apply(change("s2", null, 4));

        fold.apply(change("s1", 4, 1));

        assertThat(fold.histogram(TEAM_DAY)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1, 4));
        assertThat(fold.histogram(ORG_DAY).total()).isEqualTo(2);
    }

    @Test
    void aSuspectRatingCountsNowhereUntilConfirmed() {
        Fold fold = new Fold();
        fold.apply(change("s1", null, 5));

        fold.apply(change("s1", 5, null));
        assertThat(fold.dayHistograms()).isEmpty();
        assertThat(fold.histogram(AGENT_DAY)).isEqualTo(Histogram.empty(Scale.CSAT_5));

        fold.apply(change("s1", null, 5));
        assertThat(fold.histogram(AGENT_DAY)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 5));
    }

    @Test
    void aPreviouslyCountedScoreThatIsNotCountedIsRefusedAndNothingMoves() {
        Fold fold = Fold.startingFrom(Map.of(
                ORG_DAY, Histogram.ofAnswers(Scale.CSAT_5, 3),
                TEAM_DAY, Histogram.ofAnswers(Scale.CSAT_5, 3)));

        assertThatThrownBy(() -> fold.apply(change("s1", 3, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("s1")
                .hasMessageContaining("agent:a1");
        assertThat(fold.histogram(ORG_DAY)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 3));
        assertThat(fold.histogram(TEAM_DAY)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 3));
        assertThat(fold.changedDays()).isEmpty();
    }

    @Test
    void aFullRebuildCountsEveryRatingFromNothing() {
        Fold rebuilt = Fold.rebuild(List.of(change("s1", 2, 4), change("s2", null, 5), change("s3", 1, null)));

        assertThat(rebuilt.histogram(AGENT_DAY)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 4, 5));
    }

    @Test
    void anIncrementalFoldContinuesFromStoredDaysAndReportsWhatItChanged() {
        LocalDate otherDay = DAY.minusDays(1);
        DayKey otherOrgDay = new DayKey(Dimension.ORG, Scale.CSAT_5, otherDay);
        Fold fold = Fold.startingFrom(Map.of(
                ORG_DAY, Histogram.ofAnswers(Scale.CSAT_5, 2, 2),
                TEAM_DAY, Histogram.ofAnswers(Scale.CSAT_5, 2),
                AGENT_DAY, Histogram.ofAnswers(Scale.CSAT_5, 2),
                otherOrgDay, Histogram.ofAnswers(Scale.CSAT_5, 5)));

        fold.apply(change("s1", 2, null));

        assertThat(fold.changedDays()).containsOnly(ORG_DAY, TEAM_DAY, AGENT_DAY);
        assertThat(fold.changedSeries()).containsOnly(ORG_DAY.series(), TEAM_DAY.series(), AGENT_DAY.series());
        assertThat(fold.histogram(ORG_DAY)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 2));
        assertThat(fold.histogram(TEAM_DAY).isEmpty()).isTrue();
        assertThat(fold.dayHistograms()).containsOnlyKeys(ORG_DAY, otherOrgDay);
        assertThat(fold.days(ORG_DAY.series())).containsOnlyKeys(otherDay, DAY);
    }

    @Test
    void aChangeThatChangesNothingTouchesNoDay() {
        Fold fold = Fold.startingFrom(Map.of(ORG_DAY, Histogram.ofAnswers(Scale.CSAT_5, 3)));

        fold.apply(change("s1", 3, 3));
        fold.apply(change("s2", null, null));

        assertThat(fold.changedDays()).isEmpty();
    }

    @Test
    void aRatingChangeRefusesScoresOffItsScale() {
        assertThatThrownBy(() -> change("s1", null, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> change("s1", 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RatingChange change(String surveyId, Integer previouslyCounted, Integer toCount) {
        return new RatingChange(surveyId, Scale.CSAT_5, "t1", "a1", DAY, previouslyCounted, toCount);
    }
}
