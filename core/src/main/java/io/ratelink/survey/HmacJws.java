package io.ratelink.survey;

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

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one codec of ratelink's signed tokens (rating links, dashboard sign-in links and sessions): JWS compact
 * serialization, HS256 only, a {@code kid} header naming the key among {@link SigningKeys}, and nothing else in the
 * header. Claims are a flat JSON object, read with {@link #text} and {@link #number}.
 */
public final class HmacJws {

    /** Why a token was refused, in the order the checks run. */
    public enum Problem { OVERSIZED, MALFORMED, UNSUPPORTED_HEADER, UNKNOWN_KEY, BAD_SIGNATURE, BAD_PAYLOAD }

    /** A verified token's claims, or why it was refused. */
    public sealed interface Result {
        record Verified(Map<String, Object> claims) implements Result {
        }

        record Refused(Problem problem) implements Result {
        }
    }

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<String> ALLOWED_HEADER_PARAMETERS = Set.of("alg", "kid", "typ");
    private static final byte[] UNKNOWN_KEY_STAND_IN = new byte[SigningKeys.MIN_SECRET_BYTES];
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKeys keys;
    private final int maxLength;

    /** @param maxLength tokens longer than this are refused before any work is done on them */
    public HmacJws(SigningKeys keys, int maxLength) {
        this.keys = keys;
        this.maxLength = maxLength;
    }

    /** The claims signed with the active key. */
    public String sign(Map<String, Object> claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.activeKid())
                .type(JOSEObjectType.JWT)
                .build();
        try {
            JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(claims)));
            jws.sign(new MACSigner(keys.activeSecret()));
            return jws.serialize();
        } catch (JOSEException | JsonProcessingException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
    }

    /**
     * The claims of a token signed with any configured key. An unknown key id costs the same work as a known one, so
     * the time taken does not tell which ids exist.
     */
    public Result verify(String token) {
        if (token == null || token.length() > maxLength) {
            return new Result.Refused(Problem.OVERSIZED);
        }
        Optional<JWSObject> parsed = parse(token);
        if (parsed.isEmpty()) {
            return new Result.Refused(Problem.MALFORMED);
        }
        JWSObject jws = parsed.get();
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getKeyID() == null
                || !ALLOWED_HEADER_PARAMETERS.containsAll(header.toJSONObject().keySet())) {
            return new Result.Refused(Problem.UNSUPPORTED_HEADER);
        }
        Optional<byte[]> secret = keys.secret(header.getKeyID());
        boolean signatureMatches = verifySignature(jws, secret.orElse(UNKNOWN_KEY_STAND_IN));
        if (secret.isEmpty()) {
            return new Result.Refused(Problem.UNKNOWN_KEY);
        }
        if (!signatureMatches) {
            return new Result.Refused(Problem.BAD_SIGNATURE);
        }
        return claims(jws).<Result>map(Result.Verified::new).orElseGet(() -> new Result.Refused(Problem.BAD_PAYLOAD));
    }

    /**
     * The claims of a well-formed token without checking its signature: only for what a function that holds no key
     * may read of a token it was handed by one that does.
     */
    public static Optional<Map<String, Object>> readUnverified(String token, int maxLength) {
        if (token == null || token.length() > maxLength) {
            return Optional.empty();
        }
        return parse(token).flatMap(HmacJws::claims);
    }

    /** A claim that is a string, or null. */
    public static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value ? value : null;
    }

    /** A claim that is a whole number, or null. */
    public static Long number(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return null;
    }

    private static Optional<JWSObject> parse(String token) {
        if (!COMPACT_JWS.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JWSObject.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> claims(JWSObject jws) {
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
}
