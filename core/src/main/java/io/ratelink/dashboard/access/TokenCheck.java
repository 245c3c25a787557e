package io.ratelink.dashboard.access;

/** The outcome of checking a signed sign-in link or session cookie. */
public sealed interface TokenCheck<T> {

    /** Signed by a configured dashboard key, well formed, of the expected use, not expired. */
    record Valid<T>(T claims) implements TokenCheck<T> {
    }

    /** Genuine, but past its expiry. */
    record Expired<T>(T claims) implements TokenCheck<T> {
    }

    /** Not a token ratelink signed for this use: tampered, cut off, signed with an unknown key, or of the other use. */
    record Rejected<T>() implements TokenCheck<T> {
    }
}
