package io.ratelink.http.web;

import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;

import java.util.List;
import java.util.Optional;

/**
 * Reads the admin API's query and path parameters the same way everywhere: a blank value is an absent one, and a
 * value that cannot be read adds one sentence to {@code problems}, naming what it must be. Ids are checked against
 * the limits links carry before any of them reaches the database, which would refuse an oversized key.
 */
public final class Params {

    private Params() {
    }

    public static Optional<Scale> scale(String value, List<String> problems) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        Optional<Scale> scale = Scale.parse(value);
        if (scale.isEmpty()) {
            problems.add("scale must be one of " + List.of(Scale.values()));
        }
        return scale;
    }

    /** An agent, team or ticket id as links carry them: printable, at most {@value SurveyClaims#MAX_ID_LENGTH} characters. */
    public static Optional<String> id(String name, String value, List<String> problems) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        if (!SurveyClaims.isValidId(value)) {
            problems.add(idProblem(name));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public static String idProblem(String name) {
        return name + " must be printable and at most " + SurveyClaims.MAX_ID_LENGTH + " characters";
    }

    public static Optional<Boolean> bool(String name, String value, List<String> problems) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(name + " must be true or false");
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(value));
    }

    /** An opaque cursor this API wrote: refused unread when longer than any it writes. */
    public static Optional<String> cursor(String name, String value, int maxLength, List<String> problems) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            problems.add(name + " must be the cursor of a previous page (at most " + maxLength + " characters)");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
