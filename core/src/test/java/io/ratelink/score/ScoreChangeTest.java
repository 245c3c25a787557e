package io.ratelink.score;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreChangeTest {

    private static Metric metric(double value, double low, double high) {
        return new Metric(value, 100, low, high, false);
    }

    @Test
    void aCurrentIntervalWhollyAboveThePreviousOneIsAChangeUp() {
        ScoreChange change = ScoreChange.between(metric(90, 85, 94), metric(70, 62, 78));

        assertThat(change.verdict()).isEqualTo(ScoreChange.Verdict.UP);
        assertThat(change.delta()).isEqualTo(20.0);
        assertThat(change.isClear()).isTrue();
    }

    @Test
    void aCurrentIntervalWhollyBelowThePreviousOneIsAChangeDown() {
        assertThat(ScoreChange.between(metric(60, 52, 67), metric(80, 73, 86)).verdict())
                .isEqualTo(ScoreChange.Verdict.DOWN);
    }

    @Test
    void overlappingIntervalsAreNoClearChangeEvenWhenTheValuesDiffer() {
        ScoreChange change = ScoreChange.between(metric(80, 70, 88), metric(72, 62, 81));

        assertThat(change.verdict()).isEqualTo(ScoreChange.Verdict.NO_CLEAR_CHANGE);
        assertThat(change.delta()).isEqualTo(8.0);
        assertThat(change.isClear()).isFalse();
    }

    @Test
    void intervalsThatOnlyTouchAreNoClearChange() {
        assertThat(ScoreChange.between(metric(80, 75, 85), metric(70, 65, 75)).verdict())
                .isEqualTo(ScoreChange.Verdict.NO_CLEAR_CHANGE);
    }

    @Test
    void aPeriodWithoutAnIntervalCannotBeCompared() {
        Metrics metrics = new Metrics(30);
        Metric none = Metric.absent(true);
        Metric oneAnswer = metrics.mean(Histogram.ofAnswers(io.ratelink.survey.Scale.CES_7, 7));

        assertThat(ScoreChange.between(metric(80, 70, 88), none).verdict()).isEqualTo(ScoreChange.Verdict.NOT_COMPARABLE);
        assertThat(ScoreChange.between(metric(80, 70, 88), none).delta()).isNull();
        ScoreChange fromOne = ScoreChange.between(oneAnswer, new Metric(3.0, 40, 2.5, 3.5, false));
        assertThat(fromOne.verdict()).isEqualTo(ScoreChange.Verdict.NOT_COMPARABLE);
        assertThat(fromOne.delta()).isEqualTo(4.0);
    }

    @Test
    void realSamplesOfTheSameShareAreNoChangeAndClearlyDifferentOnesAre() {
        Metrics metrics = new Metrics(30);
        Metric before = metrics.sharePct(160, 200);
        assertThat(ScoreChange.between(metrics.sharePct(17, 20), before).verdict())
                .isEqualTo(ScoreChange.Verdict.NO_CLEAR_CHANGE);
        assertThat(ScoreChange.between(metrics.sharePct(100, 200), before).verdict())
                .isEqualTo(ScoreChange.Verdict.DOWN);
    }
}
