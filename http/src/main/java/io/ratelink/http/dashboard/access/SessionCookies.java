package io.ratelink.http.dashboard.access;

import jakarta.ws.rs.core.NewCookie;

import java.time.Duration;

/**
 * The dashboard's session cookie, {@value #NAME}: the signed session token, sent back only to {@code /dashboard},
 * never readable by a script, {@code Secure} unless configured off (plain-HTTP dev mode and tests), and
 * {@code SameSite=Lax}, so another site's form cannot post with it.
 */
final class SessionCookies {

    static final String NAME = "ratelink_session";
    static final String PATH = "/dashboard";

    private final boolean secure;
    private final Duration lifetime;

    SessionCookies(boolean secure, Duration lifetime) {
        this.secure = secure;
        this.lifetime = lifetime;
    }

    NewCookie open(String sessionToken) {
        return cookie(sessionToken, (int) lifetime.toSeconds());
    }

    NewCookie cleared() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
