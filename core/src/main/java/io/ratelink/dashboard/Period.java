package io.ratelink.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A span of UTC days a dashboard page looks at, both ends included: a window ending today (7, 30 or 90 days) or a
 * range of dates chosen in the filters.
 */
public record Period(LocalDate first, LocalDate last) {

    /** The longest range a page reads, so that a page's reads stay bounded. */
    public static final int MAX_DAYS = 366;

    public Period {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("a period cannot start after it ends: " + first + " > " + last);
        }
    }

    /** The {@code days} days that end on {@code last}, that day included. */
    public static Period ending(LocalDate last, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least one day, got " + days);
        }
        return new Period(last.minusDays(days - 1L), last);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The period of the same length just before this one: what a change is measured against. */
    public Period previous() {
        return ending(first.minusDays(1), days());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
