package io.ratelink.dashboard.access;

import io.ratelink.survey.HmacJws;
import io.ratelink.survey.SigningKeys;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and checks the dashboard's two tokens, sign-in links and session cookies: JWS compact serialization, HS256
 * only, a {@code kid} header naming the dashboard key, and a {@code use} claim that keeps one from standing in for the
 * other. The keys rotate as the rating links' do: the active one signs, every configured one verifies.
 */
public final class AccessTokens {

    /** Tokens longer than this are refused before any work is done on them. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    static final String SIGN_IN = "sign-in";
    static final String SESSION = "session";

    private final HmacJws jws;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, Clock clock) {
        this.jws = new HmacJws(keys, MAX_TOKEN_LENGTH);
        this.clock = clock;
    }

    public String mintLink(SignInLink link) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("use", SIGN_IN);
        claims.put("em", link.email());
        claims.put("lid", link.linkId());
        claims.put("l", link.language());
        link.next().ifPresent(next -> claims.put("nx", next));
        claims.put("exp", link.expiresAt().getEpochSecond());
        return jws.sign(claims);
    }

    public String mintSession(Session session) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("use", SESSION);
        claims.put("em", session.email());
        claims.put("iat", session.issuedAt().getEpochSecond());
        claims.put("exp", session.expiresAt().getEpochSecond());
        return jws.sign(claims);
    }

    public TokenCheck<SignInLink> verifyLink(String token) {
        Optional<Map<String, Object>> claims = verified(token);
        Optional<SignInLink> link = claims.flatMap(AccessTokens::link);
        if (link.isEmpty()) {
            return new TokenCheck.Rejected<>();
        }
        return link.get().isExpiredAt(clock.instant()) ? new TokenCheck.Expired<>(link.get())
                : new TokenCheck.Valid<>(link.get());
    }

    public TokenCheck<Session> verifySession(String token) {
        Optional<Session> session = verified(token).flatMap(AccessTokens::session);
        if (session.isEmpty()) {
            return new TokenCheck.Rejected<>();
        }
        return session.get().isExpiredAt(clock.instant()) ? new TokenCheck.Expired<>(session.get())
                : new TokenCheck.Valid<>(session.get());
    }

    /**
     * The claims of a sign-in link without checking its signature: for the function that mails the link, which is
     * given it by the HTTP function through the queue and holds no dashboard key.
     */
    public static Optional<SignInLink> readLinkUnverified(String token) {
        return HmacJws.readUnverified(token, MAX_TOKEN_LENGTH).flatMap(AccessTokens::link);
    }

    private Optional<Map<String, Object>> verified(String token) {
        return jws.verify(token) instanceof HmacJws.Result.Verified verified ? Optional.of(verified.claims())
                : Optional.empty();
    }

    private static Optional<SignInLink> link(Map<String, Object> json) {
        if (json == null || !SIGN_IN.equals(json.get("use"))) {
            return Optional.empty();
        }
        String email = text(json, "em");
        String linkId = text(json, "lid");
        String language = text(json, "l");
        Long expires = number(json, "exp");
        Optional<String> next = json.containsKey("nx") ? Optional.ofNullable(text(json, "nx")).flatMap(NextPath::of)
                : Optional.empty();
        if (email == null || linkId == null || language == null || expires == null
                || json.containsKey("nx") && next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SignInLink(email, linkId, language, next, Instant.ofEpochSecond(expires)));
    }

    private static Optional<Session> session(Map<String, Object> json) {
        if (json == null || !SESSION.equals(json.get("use"))) {
            return Optional.empty();
        }
        String email = text(json, "em");
        Long issued = number(json, "iat");
        Long expires = number(json, "exp");
        if (email == null || issued == null || expires == null) {
            return Optional.empty();
        }
        return Optional.of(new Session(email, Instant.ofEpochSecond(issued), Instant.ofEpochSecond(expires)));
    }

    private static String text(Map<String, Object> json, String name) {
        String value = HmacJws.text(json, name);
        return value == null || value.isBlank() ? null : value;
    }

    private static Long number(Map<String, Object> json, String name) {
        return HmacJws.number(json, name);
    }
}
