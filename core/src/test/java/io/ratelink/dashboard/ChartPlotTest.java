package io.ratelink.dashboard;

import io.ratelink.score.Metric;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartPlotTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static TrendPoint point(int day, Double value, Double low, Double high) {
        return new TrendPoint(DAY.plusDays(day), DAY.plusDays(day),
                new Metric(value, value == null ? 0 : 40, low, high, false));
    }

    @Test
    void pointsSpreadEvenlyAcrossThePlotAndValuesMapToHeightsTopDown() {
        List<TrendPoint> points = List.of(point(0, 0.0, 0.0, 10.0), point(1, 50.0, 40.0, 60.0), point(2, 100.0, 90.0, 100.0));

        ChartPlot plot = ChartPlot.of(points, Scale.CSAT_5, 236, 116);

        assertThat(plot.dots()).extracting(ChartPlot.Dot::x).containsExactly(36.0, 132.0, 228.0);
        assertThat(plot.dots()).extracting(ChartPlot.Dot::y).containsExactly(108.0, 58.0, 8.0);
        assertThat(plot.lines()).containsExactly("M36.0 108.0 L132.0 58.0 L228.0 8.0");
        assertThat(plot.bands()).containsExactly("M36.0 98.0 L132.0 48.0 L228.0 8.0 L228.0 18.0 L132.0 68.0 L36.0 108.0 Z");
        assertThat(plot.gridLines()).extracting(ChartPlot.GridLine::value).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
    }

    @Test
    void aPointWithoutAnswersBreaksTheLineAndTheBandInsteadOfDroppingToZero() {
        List<TrendPoint> points = List.of(point(0, 80.0, 70.0, 90.0), point(1, 60.0, 50.0, 70.0), point(2, null, null, null),
                point(3, 40.0, 30.0, 50.0));

        ChartPlot plot = ChartPlot.of(points, Scale.CSAT_5, 336, 116);

        assertThat(plot.dots()).hasSize(3);
        assertThat(plot.lines()).hasSize(2);
        assertThat(plot.lines().get(1)).startsWith("M").doesNotContain("L");
        assertThat(plot.bands()).hasSize(2);
        assertThat(plot.bands().get(1)).endsWith("Z");
    }

    @Test
    void npsRunsFromMinus100AndCesOnTheScalesPoints() {
        assertThat(ChartPlot.axis(Scale.NPS)).containsExactly(-100, 100);
        assertThat(ChartPlot.axis(Scale.CES_7)).containsExactly(1, 7);
        ChartPlot plot = ChartPlot.of(List.of(point(0, 0.0, -10.0, 10.0)), Scale.NPS, 100, 116);
        assertThat(plot.dots().get(0).y()).isEqualTo(58.0);
    }
}
