package io.ratelink.survey;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one codec of ratelink's signed tokens (rating links, dashboard sign-in links and sessions): JWS compact
 * serialization, HS256 only, a {@code kid} header naming the key among {@link SigningKeys}, and nothing else in the
 * header but an optional {@code typ}. Claims are a flat JSON object, read with {@link #text} and {@link #number}.
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

    private static final String HS256 = "HS256";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<String> ALLOWED_HEADER_PARAMETERS = Set.of("alg", "kid", "typ");
    private static final byte[] UNKNOWN_KEY_STAND_IN = new byte[SigningKeys.MIN_SECRET_BYTES];
    /** A repeated member is refused rather than read as its last value, and nothing may follow the object. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final int maxLength;
    /** One initialized HMAC per key id, never used itself: each signature is computed on a copy of it. */
    private final Map<String, Mac> macs;
    private final Mac unknownKeyMac;
    private final String activeHeader;

    /** @param maxLength tokens longer than this are refused before any work is done on them */
    public HmacJws(SigningKeys keys, int maxLength) {
        this.keys = keys;
        this.maxLength = maxLength;
        Map<String, Mac> byKid = new LinkedHashMap<>();
        for (String kid : keys.kids()) {
            byKid.put(kid, hmac(keys.secret(kid).orElseThrow()));
        }
        this.macs = Map.copyOf(byKid);
        this.unknownKeyMac = hmac(UNKNOWN_KEY_STAND_IN);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kid", keys.activeKid());
        header.put("typ", "JWT");
        header.put("alg", HS256);
        this.activeHeader = BASE64URL.encodeToString(json(header));
    }

    /** The claims signed with the active key. */
    public String sign(Map<String, Object> claims) {
        String signingInput = activeHeader + "." + BASE64URL.encodeToString(json(claims));
        return signingInput + "." + signature(macs.get(keys.activeKid()), signingInput);
    }

    /**
     * The claims of a token signed with any configured key. An unknown key id costs the same work as a known one, so
     * the time taken does not tell which ids exist; signatures are compared in constant time.
     */
    public Result verify(String token) {
        if (token == null || token.length() > maxLength) {
            return new Result.Refused(Problem.OVERSIZED);
        }
        Optional<Parts> parsed = parse(token);
        if (parsed.isEmpty()) {
            return new Result.Refused(Problem.MALFORMED);
        }
        Parts parts = parsed.get();
        Map<String, Object> header = parts.header();
        if (!HS256.equals(header.get("alg")) || !(header.get("kid") instanceof String kid)
                || !ALLOWED_HEADER_PARAMETERS.containsAll(header.keySet())) {
            return new Result.Refused(Problem.UNSUPPORTED_HEADER);
        }
        Mac mac = macs.get(kid);
        boolean signatureMatches = MessageDigest.isEqual(
                signature(mac == null ? unknownKeyMac : mac, parts.signingInput()).getBytes(StandardCharsets.US_ASCII),
                parts.signature().getBytes(StandardCharsets.US_ASCII));
        if (mac == null) {
            return new Result.Refused(Problem.UNKNOWN_KEY);
        }
        if (!signatureMatches) {
            return new Result.Refused(Problem.BAD_SIGNATURE);
        }
        return object(parts.payload()).<Result>map(Result.Verified::new)
                .orElseGet(() -> new Result.Refused(Problem.BAD_PAYLOAD));
    }

    /**
     * The claims of a well-formed token without checking its signature: only for what a function that holds no key
     * may read of a token it was handed by one that does.
     */
    public static Optional<Map<String, Object>> readUnverified(String token, int maxLength) {
        if (token == null || token.length() > maxLength) {
            return Optional.empty();
        }
        return parse(token).flatMap(parts -> object(parts.payload()));
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

    /** A compact JWS cut in its three parts, its header read: the payload and signature are only text yet. */
    private record Parts(Map<String, Object> header, String signingInput, String payload, String signature) {
    }

    /**
     * The token's parts, when it is three base64url parts and its header a JSON object whose {@code alg}, {@code kid}
     * and {@code typ} are strings where present. A header without an {@code alg}, or with {@code none}, is not a
     * JWS header.
     */
    private static Optional<Parts> parse(String token) {
        if (!COMPACT_JWS.matcher(token).matches()) {
            return Optional.empty();
        }
        int firstDot = token.indexOf('.');
        int lastDot = token.lastIndexOf('.');
        Optional<Map<String, Object>> header = object(token.substring(0, firstDot));
        if (header.isEmpty() || !(header.get().get("alg") instanceof String alg) || "none".equals(alg)
                || header.get().containsKey("kid") && !(header.get().get("kid") instanceof String)
                || header.get().containsKey("typ") && !(header.get().get("typ") instanceof String)) {
            return Optional.empty();
        }
        return Optional.of(new Parts(header.get(), token.substring(0, lastDot), token.substring(firstDot + 1, lastDot),
                token.substring(lastDot + 1)));
    }

    /** The JSON object a base64url part holds, or empty when it holds anything else. */
    private static Optional<Map<String, Object>> object(String part) {
        try {
            return Optional.ofNullable(JSON.readValue(Base64.getUrlDecoder().decode(part), OBJECT));
        } catch (IllegalArgumentException | IOException notAnObject) {
            return Optional.empty();
        }
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("the claims cannot be written as JSON", e);
        }
    }

    private static String signature(Mac prototype, String signingInput) {
        Mac mac = copy(prototype);
        return BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Mac hmac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret, HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot copy an initialized Mac", e);
        }
    }
}
