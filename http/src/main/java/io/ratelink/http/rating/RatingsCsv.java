package io.ratelink.http.rating;

import io.ratelink.rating.Rating;

import java.util.List;

/**
 * Ratings as CSV (RFC 4180). Cells that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage
 * return at the start) are prefixed with an apostrophe, since comments and references come from outside.
 */
public final class RatingsCsv {

    static final String HEADER = "surveyId,changedAt,scale,score,low,status,statusReason,ticketId,agentId,teamId,"
            + "customerRef,locale,firstClickAt,lastClickAt,comment";

    private RatingsCsv() {
    }

    public static String write(List<Rating> ratings) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Rating r : ratings) {
            row(csv, r.surveyId(), r.changedAt().toString(), r.scale().name(), Integer.toString(r.score()),
                    Boolean.toString(r.low()), r.status().attributeValue(), r.statusReason().orElse(""), r.ticketId(),
                    r.agentId(), r.teamId(), r.customerRef(), r.locale(), r.firstClickAt().toString(),
                    r.lastClickAt().toString(), r.comment().orElse(""));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
