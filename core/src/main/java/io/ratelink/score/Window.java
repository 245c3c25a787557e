package io.ratelink.score;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * A span of days that scores are rolled up over, ending on the day they are computed as of, that day
 * included. Written {@code 7d}, {@code 30d}, {@code 90d} and {@code all}, as in
 * {@code GET /v1/scores?window=}.
 */
public enum Window {
    LAST_7_DAYS("7d", 7),
    LAST_30_DAYS("30d", 30),
    LAST_90_DAYS("90d", 90),
    /** Every day up to and including the day as of which it is computed. */
    ALL_TIME("all", 0);

    private final String label;
    private final int days;

    Window(String label, int days) {
        this.label = label;
        this.days = days;
    }

    /** Reads {@code 7d}, {@code 30d}, {@code 90d} or {@code all}; empty for anything else. */
    public static Optional<Window> parse(String label) {
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst();
    }

    /** The written form that {@link #parse} reads back. */
    public String label() {
        return label;
    }

    /** Whether the window has a fixed length; {@link #ALL_TIME} has none. */
    public boolean isBounded() {
        return this != ALL_TIME;
    }

    /** The first day of the window as of {@code asOf}; empty for {@link #ALL_TIME}. */
    public Optional<LocalDate> firstDay(LocalDate asOf) {
        return isBounded() ? Optional.of(asOf.minusDays(days - 1L)) : Optional.empty();
    }

    /** Whether answers given on {@code day} count in this window as of {@code asOf}. */
    public boolean contains(LocalDate day, LocalDate asOf) {
        if (day.isAfter(asOf)) {
            return false;
        }
        return !isBounded() || day.isAfter(asOf.minusDays(days));
    }
}
