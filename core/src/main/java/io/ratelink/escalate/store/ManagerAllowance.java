package io.ratelink.escalate.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How many escalation emails a manager got in the current hour, and how many the hourly limit held back: one item
 * per manager in the escalations table, beside the surveys' threads ({@code sid = manager#<address>}).
 */
public final class ManagerAllowance {

    static final String SORT_KEY = "hourly";
    static final String HOUR = "hour";
    static final String SENT_IN_HOUR = "sentInHour";
    static final String HELD_BACK = "heldBack";

    private static final DateTimeFormatter HOUR_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ManagerAllowance() {
    }

    static String partition(String address) {
        return "manager#" + address.strip().toLowerCase(Locale.ROOT);
    }

    public static String hourOf(Instant at) {
        return HOUR_FORMAT.format(at);
    }
}
