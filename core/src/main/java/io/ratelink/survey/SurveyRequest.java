package io.ratelink.survey;

import java.util.ArrayList;
import java.util.List;

/**
 * A support tool's request for a rating widget for one ticket, as received.
 *
 * @param expiresInDays how long the links record answers; the configured default when absent
 */
public record SurveyRequest(String ticketId, String agentId, String teamId, String customerRef, String scale,
        String locale, Integer expiresInDays) {

    public static final int MAX_ID_LENGTH = SurveyClaims.MAX_ID_LENGTH;
    public static final int MAX_CUSTOMER_REF_LENGTH = SurveyClaims.MAX_CUSTOMER_REF_LENGTH;

    /** What is wrong with the request, one sentence per problem; empty when it can be minted. */
    public List<String> problems(int maxExpiryDays) {
        List<String> problems = new ArrayList<>();
        requireId("ticketId", ticketId, problems);
        requireId("agentId", agentId, problems);
        requireId("teamId", teamId, problems);
        if (customerRef != null) {
            if (!SurveyClaims.isValidCustomerRef(customerRef)) {
                problems.add("customerRef must be printable and at most " + MAX_CUSTOMER_REF_LENGTH + " characters");
            } else if (customerRef.contains("@")) {
                problems.add("customerRef must be an opaque reference, not an email address: links must carry no personal data");
            }
        }
        if (scale == null || Scale.parse(scale).isEmpty()) {
            problems.add("scale must be one of " + List.of(Scale.values()));
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > maxExpiryDays)) {
            problems.add("expiresInDays must be between 1 and " + maxExpiryDays);
        }
        return problems;
    }

    private static void requireId(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required");
        } else if (!SurveyClaims.isValidId(value)) {
            problems.add(name + " must be printable and at most " + MAX_ID_LENGTH + " characters");
        }
    }
}
