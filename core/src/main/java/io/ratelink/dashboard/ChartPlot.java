package io.ratelink.dashboard;

import io.ratelink.score.Metric;
import io.ratelink.survey.Scale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a trend's points fall on an SVG chart of a given size: the line through the days that have answers, the
 * band of their 95 % intervals, and one dot per point. A day or week without answers breaks the line and the band
 * instead of being drawn as zero.
 *
 * @param width     the drawing's width in SVG units
 * @param height    the drawing's height in SVG units
 * @param min       the value at the bottom edge of the plot area
 * @param max       the value at the top edge
 * @param lines     SVG path data of the line, one {@code M … L …} run per stretch of points with a value
 * @param bands     SVG path data of the interval band, one closed polygon per stretch of points with an interval
 * @param dots      the points with a value
 * @param gridLines the values of the horizontal grid lines, with their heights
 */
public record ChartPlot(int width, int height, double min, double max, List<String> lines, List<String> bands,
        List<Dot> dots, List<GridLine> gridLines) {

    /** Room on the left for the grid's labels, and at the top and bottom so dots are not cut. */
    public static final int LEFT = 36;
    public static final int TOP = 8;
    public static final int BOTTOM = 8;
    public static final int RIGHT = 8;

    /** A point drawn as a dot: where, and which point of the trend it is. */
    public record Dot(double x, double y, TrendPoint point) {
    }

    public record GridLine(double value, double y) {
    }

    /** The bottom and top values of a scale's headline axis: 0–100 %, −100…+100 for NPS, the scale's points for CES. */
    public static double[] axis(Scale scale) {
        return switch (scale.family()) {
            case CSAT, PMF -> new double[] {0, 100};
            case NPS -> new double[] {-100, 100};
            case CES -> new double[] {scale.min(), scale.max()};
        };
    }

    public static ChartPlot of(List<TrendPoint> points, Scale scale, int width, int height) {
        double[] axis = axis(scale);
        return of(points, axis[0], axis[1], width, height);
    }

    public static ChartPlot of(List<TrendPoint> points, double min, double max, int width, int height) {
        if (!(max > min)) {
            throw new IllegalArgumentException("an axis needs max > min, got " + min + " … " + max);
        }
        double plotWidth = width - LEFT - RIGHT;
        double step = points.size() > 1 ? plotWidth / (points.size() - 1) : 0;
        List<String> lines = new ArrayList<>();
        List<String> bands = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<double[]> upper = new ArrayList<>();
        List<double[]> lower = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Metric metric = points.get(i).metric();
            double x = LEFT + (points.size() > 1 ? i * step : plotWidth / 2);
            if (metric.hasValue()) {
                double y = y(metric.value(), min, max, height);
                line.append(line.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
                dots.add(new Dot(round(x), round(y), points.get(i)));
            } else {
                flushLine(line, lines);
            }
            if (metric.hasInterval()) {
                upper.add(new double[] {x, y(metric.high(), min, max, height)});
                lower.add(new double[] {x, y(metric.low(), min, max, height)});
            } else {
                flushBand(upper, lower, bands);
            }
        }
        flushLine(line, lines);
        flushBand(upper, lower, bands);
        List<GridLine> grid = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = min + (max - min) * i / 4;
            grid.add(new GridLine(value, round(y(value, min, max, height))));
        }
        return new ChartPlot(width, height, min, max, List.copyOf(lines), List.copyOf(bands), List.copyOf(dots),
                List.copyOf(grid));
    }

    private static void flushLine(StringBuilder line, List<String> lines) {
        if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }

    private static void flushBand(List<double[]> upper, List<double[]> lower, List<String> bands) {
        if (upper.isEmpty()) {
            return;
        }
        StringBuilder band = new StringBuilder();
        if (upper.size() == 1) {
            // a lone point's interval is drawn as a short bar, since a polygon of two points has no area
            double[] high = upper.get(0);
            double[] low = lower.get(0);
            band.append("M").append(fmt(high[0] - 2)).append(' ').append(fmt(high[1]))
                    .append(" L").append(fmt(high[0] + 2)).append(' ').append(fmt(high[1]))
                    .append(" L").append(fmt(low[0] + 2)).append(' ').append(fmt(low[1]))
                    .append(" L").append(fmt(low[0] - 2)).append(' ').append(fmt(low[1])).append(" Z");
        } else {
            for (double[] point : upper) {
                band.append(band.length() == 0 ? "M" : " L").append(fmt(point[0])).append(' ').append(fmt(point[1]));
            }
            for (int i = lower.size() - 1; i >= 0; i--) {
                band.append(" L").append(fmt(lower.get(i)[0])).append(' ').append(fmt(lower.get(i)[1]));
            }
            band.append(" Z");
        }
        bands.add(band.toString());
        upper.clear();
        lower.clear();
    }

    private static double y(double value, double min, double max, int height) {
        double plotHeight = height - TOP - BOTTOM;
        double clamped = Math.max(min, Math.min(max, value));
        return TOP + plotHeight * (max - clamped) / (max - min);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
