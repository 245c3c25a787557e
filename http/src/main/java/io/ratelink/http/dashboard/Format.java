package io.ratelink.http.dashboard;

import io.ratelink.score.Metric;
import io.ratelink.score.Metrics;
import io.ratelink.score.ScoreChange;
import io.ratelink.survey.Messages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes its numbers: shares as whole percents, NPS signed, means with one decimal. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String value(String metric, Double value) {
        if (value == null) {
            return "–";
        }
        return switch (metric) {
            case Metrics.NPS -> String.format(Locale.ROOT, "%+.0f", value);
            case Metrics.CES, Metrics.MEAN -> String.format(Locale.ROOT, "%.2f", value);
            default -> String.format(Locale.ROOT, "%.0f\u202f%%", value);
        };
    }

    /** A bare number for axes and deltas. */
    static String number(String metric, double value) {
        return switch (metric) {
            case Metrics.CES, Metrics.MEAN -> String.format(Locale.ROOT, "%.1f", value);
            default -> String.format(Locale.ROOT, "%.0f", value);
        };
    }

    static String interval(Messages msg, String metric, Metric m) {
        if (m == null || !m.hasInterval()) {
            return "";
        }
        return msg.get("dashboard.interval", value(metric, m.low()), value(metric, m.high()));
    }

    /** The interval's two ends alone, for a column already headed "95 % interval". */
    static String range(String metric, Metric m) {
        return m == null || !m.hasInterval() ? "" : value(metric, m.low()) + " – " + value(metric, m.high());
    }

    static String change(Messages msg, String metric, ScoreChange change, String windowText) {
        return switch (change.verdict()) {
            case UP -> msg.get("dashboard.change.up", delta(metric, change.delta()), windowText);
            case DOWN -> msg.get("dashboard.change.down", delta(metric, change.delta()), windowText);
            case NO_CLEAR_CHANGE -> msg.get("dashboard.change.none");
            case NOT_COMPARABLE -> msg.get("dashboard.change.notComparable");
        };
    }

    static String changeClass(ScoreChange change) {
        return switch (change.verdict()) {
            case UP -> "up";
            case DOWN -> "down";
            default -> "flat";
        };
    }

    private static String delta(String metric, Double delta) {
        if (delta == null) {
            return "";
        }
        String sign = delta >= 0 ? "+" : "−";
        String magnitude = number(metric, Math.abs(delta));
        return sign + magnitude;
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
