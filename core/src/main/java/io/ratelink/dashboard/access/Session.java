package io.ratelink.dashboard.access;

import java.time.Instant;
import java.util.Objects;

/** What a session cookie carries, signed: who signed in, when, and until when the session lasts. */
public record Session(String email, Instant issuedAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
