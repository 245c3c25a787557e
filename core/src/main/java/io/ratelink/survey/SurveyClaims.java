package io.ratelink.survey;

import java.time.Instant;
import java.util.Objects;

/**
 * What a signed rating link says: which survey, which answer, and the ticket it is about.
 *
 * <p>The same for every option of one email but for {@code score}. {@code customerRef} is an opaque
 * reference chosen by the support tool, never an address or a name.
 *
 * @param surveyId    {@code sid}: 128 random bits, base64url
 * @param score       {@code s}: the answer this link records, on the scale's own numbering
 * @param scale       {@code sc}
 * @param locale      {@code l}: the language of the survey's pages
 * @param ticketId    {@code t}
 * @param agentId     {@code a}
 * @param teamId      {@code tm}
 * @param customerRef {@code c}
 * @param issuedAt    {@code iat}: when the links were minted
 * @param expiresAt   {@code exp}
 */
public record SurveyClaims(
        String surveyId,
        int score,
        Scale scale,
        String locale,
        String ticketId,
        String agentId,
        String teamId,
        String customerRef,
        Instant issuedAt,
        Instant expiresAt) {

    public SurveyClaims {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!scale.isValid(score)) {
            throw new IllegalArgumentException("score " + score + " is not a point of " + scale);
        }
    }

    /** The same survey's link for another answer. */
    public SurveyClaims withScore(int otherScore) {
        return new SurveyClaims(surveyId, otherScore, scale, locale, ticketId, agentId, teamId, customerRef,
                issuedAt, expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
