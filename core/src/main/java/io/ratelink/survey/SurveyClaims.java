package io.ratelink.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a signed rating link says: which survey, which answer, and the ticket it is about.
 *
 * <p>The same for every option of one email but for {@code score}.
 *
 * @param surveyId  {@code sid}: 128 random bits, base64url
 * @param score     {@code s}: the answer this link records, on the scale's own numbering
 * @param scale     {@code sc}
 * @param context   the ticket it is about: {@code l}, {@code t}, {@code a}, {@code tm}, {@code c} and {@code iat}
 * @param expiresAt {@code exp}
 */
public record SurveyClaims(String surveyId, int score, Scale scale, SurveyContext context, Instant expiresAt)
        implements SurveyContext.Held {

    /** The longest ticket, agent and team id a link may carry. */
    public static final int MAX_ID_LENGTH = 64;
    /** The longest customer reference a link may carry. */
    public static final int MAX_CUSTOMER_REF_LENGTH = 128;
    private static final Pattern PRINTABLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S} ]+");

    public SurveyClaims {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!scale.isValid(score)) {
            throw new IllegalArgumentException("score " + score + " is not a point of " + scale);
        }
    }

    public SurveyClaims(String surveyId, int score, Scale scale, String locale, String ticketId, String agentId,
            String teamId, String customerRef, Optional<Instant> issuedAt, Instant expiresAt) {
        this(surveyId, score, scale, new SurveyContext(locale, ticketId, agentId, teamId, customerRef, issuedAt),
                expiresAt);
    }

    /** Claims of links that say when they were minted, as ratelink mints them. */
    public SurveyClaims(String surveyId, int score, Scale scale, String locale, String ticketId, String agentId,
            String teamId, String customerRef, Instant issuedAt, Instant expiresAt) {
        this(surveyId, score, scale, locale, ticketId, agentId, teamId, customerRef,
                Optional.of(Objects.requireNonNull(issuedAt, "issuedAt")), expiresAt);
    }

    /** Whether an id ({@code t}, {@code a}, {@code tm}) has the shape links may carry: printable, 1 to 64 characters. */
    public static boolean isValidId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH && PRINTABLE.matcher(id).matches();
    }

    /** Whether a customer reference ({@code c}) has the shape links may carry: printable, at most 128 characters. */
    public static boolean isValidCustomerRef(String customerRef) {
        return customerRef != null && customerRef.length() <= MAX_CUSTOMER_REF_LENGTH
                && (customerRef.isEmpty() || PRINTABLE.matcher(customerRef).matches());
    }

    /** Whether the ids and the customer reference are within what a link may carry, whoever minted it. */
    public boolean withinLimits() {
        return isValidId(ticketId()) && isValidId(agentId()) && isValidId(teamId()) && isValidCustomerRef(customerRef());
    }

    /** The same survey's link for another answer. */
    public SurveyClaims withScore(int otherScore) {
        return new SurveyClaims(surveyId, otherScore, scale, context, expiresAt);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
