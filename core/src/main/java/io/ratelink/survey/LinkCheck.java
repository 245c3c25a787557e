package io.ratelink.survey;

/** The outcome of checking a rating link's token. */
public sealed interface LinkCheck {

    /** Signed by a known key, well formed, not expired. */
    record Valid(SurveyClaims claims) implements LinkCheck {
    }

    /** Genuine, but past its expiry: the page can still speak the survey's language. */
    record Expired(SurveyClaims claims) implements LinkCheck {
    }

    /**
     * Not a link ratelink signed, or not one any more. The reason is for metrics and tests; the person
     * who clicked sees the same page whatever it is.
     */
    record Rejected(Reason reason) implements LinkCheck {
    }

    enum Reason {
        /** Longer than {@link LinkSigner#MAX_TOKEN_LENGTH}: refused before any parsing or cryptography. */
        OVERSIZED,
        /** Not three base64url parts, or parts that are not JSON. */
        MALFORMED,
        /** A header other than {@code {"alg":"HS256","kid":…}} (with an optional {@code typ}). */
        UNSUPPORTED_HEADER,
        /** A {@code kid} that no configured key has. */
        UNKNOWN_KEY,
        /** The signature does not match. */
        BAD_SIGNATURE,
        /** Signed, but the claims are missing, of the wrong type, or out of range. */
        BAD_CLAIMS
    }
}
