package io.ratelink.dashboard.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an emailed sign-in link carries, signed: who may sign in with it, the link's own id (spent once), the language
 * the person asked in, where to go once signed in, and until when it works.
 *
 * @param next a relative path under {@code /dashboard} (see {@link NextPath}); empty for the dashboard's start
 */
public record SignInLink(String email, String linkId, String language, Optional<String> next, Instant expiresAt) {

    public SignInLink {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
