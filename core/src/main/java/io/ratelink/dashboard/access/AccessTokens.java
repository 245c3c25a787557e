package io.ratelink.dashboard.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import io.ratelink.survey.SigningKeys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<String> ALLOWED_HEADER_PARAMETERS = Set.of("alg", "kid", "typ");
    private static final byte[] UNKNOWN_KEY_STAND_IN = new byte[SigningKeys.MIN_SECRET_BYTES];
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKeys keys;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, Clock clock) {
        this.keys = keys;
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
        return sign(claims);
    }

    public String mintSession(Session session) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("use", SESSION);
        claims.put("em", session.email());
        claims.put("iat", session.issuedAt().getEpochSecond());
        claims.put("exp", session.expiresAt().getEpochSecond());
        return sign(claims);
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
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !COMPACT_JWS.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            return link(JWSObject.parse(token).getPayload().toJSONObject());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String sign(Map<String, Object> claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.activeKid())
                .type(JOSEObjectType.JWT)
                .build();
        JWSObject jws;
        try {
            jws = new JWSObject(header, new Payload(JSON.writeValueAsString(claims)));
            jws.sign(new MACSigner(keys.activeSecret()));
        } catch (JOSEException | JsonProcessingException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jws.serialize();
    }

    private Optional<Map<String, Object>> verified(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH || !COMPACT_JWS.matcher(token).matches()) {
            return Optional.empty();
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getKeyID() == null
                || !ALLOWED_HEADER_PARAMETERS.containsAll(header.toJSONObject().keySet())) {
            return Optional.empty();
        }
        Optional<byte[]> secret = keys.secret(header.getKeyID());
        boolean signatureMatches = verifySignature(jws, secret.orElse(UNKNOWN_KEY_STAND_IN));
        if (secret.isEmpty() || !signatureMatches) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(jws.getPayload().toJSONObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean verifySignature(JWSObject jws, byte[] secret) {
        try {
            return jws.verify(new MACVerifier(secret));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
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
        return json.get(name) instanceof String value && !value.isBlank() ? value : null;
    }

    private static Long number(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return null;
    }
}
