package io.ratelink.dashboard;

import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrendsTest {

    private static final LocalDate LAST = LocalDate.of(2026, 3, 10);
    private final Metrics metrics = new Metrics(30);

    @Test
    void dailyPointsRunOldestFirstAndADayWithoutAnswersHasNoValue() {
        Map<LocalDate, Histogram> days = Map.of(
                LAST, Histogram.ofAnswers(Scale.CSAT_5, 5, 5, 1, 4),
                LAST.minusDays(2), Histogram.ofAnswers(Scale.CSAT_5, 1));

        List<TrendPoint> points = Trends.daily(Scale.CSAT_5, days, LAST, 90, metrics);

        assertThat(points).hasSize(90);
        assertThat(points.get(0).first()).isEqualTo(LAST.minusDays(89));
        assertThat(points.get(89).last()).isEqualTo(LAST);
        assertThat(points.get(89).metric().value()).isEqualTo(75.0);
        assertThat(points.get(89).metric().n()).isEqualTo(4);
        assertThat(points.get(88).metric().hasValue()).isFalse();
        assertThat(points.get(87).metric().value()).isEqualTo(0.0);
    }

    @Test
    void weeklyPointsAddUpSevenDaysEndingOnEachPointsLastDay() {
        Map<LocalDate, Histogram> days = Map.of(
                LAST, Histogram.ofAnswers(Scale.NPS, 10),
                LAST.minusDays(6), Histogram.ofAnswers(Scale.NPS, 0),
                LAST.minusDays(7), Histogram.ofAnswers(Scale.NPS, 9, 9));

        List<TrendPoint> points = Trends.weekly(Scale.NPS, days, LAST, 52, metrics);

        assertThat(points).hasSize(52);
        TrendPoint lastWeek = points.get(51);
        assertThat(lastWeek.first()).isEqualTo(LAST.minusDays(6));
        assertThat(lastWeek.metric().n()).isEqualTo(2);
        assertThat(lastWeek.metric().value()).isEqualTo(0.0);
        assertThat(points.get(50).metric().value()).isEqualTo(100.0);
        assertThat(points.get(0).first()).isEqualTo(Trends.firstDayOfWeekly(LAST, 52));
    }

    @Test
    void theHeadlineComparesThePeriodWithThePeriodBeforeIt() {
        Period period = Period.ending(LAST, 7);
        Map<LocalDate, Histogram> days = Map.of(
                LAST, Histogram.of(Scale.THUMBS, 2, 98),
                LAST.minusDays(7), Histogram.of(Scale.THUMBS, 60, 40),
                LAST.minusDays(14), Histogram.of(Scale.THUMBS, 100, 0));

        Headline headline = Headline.of(Scale.THUMBS, days, period, metrics);

        assertThat(headline.metric()).isEqualTo(Metrics.CSAT);
        assertThat(headline.current().value()).isEqualTo(98.0);
        assertThat(headline.previous().value()).isEqualTo(40.0);
        assertThat(headline.change().verdict()).isEqualTo(io.ratelink.score.ScoreChange.Verdict.UP);
        assertThat(headline.histogram().total()).isEqualTo(100);
    }
}
