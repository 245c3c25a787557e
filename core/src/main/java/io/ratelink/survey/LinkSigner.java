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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mints and verifies rating-link tokens: JWS compact serialization, HS256 only, a {@code kid} header, and
 * the short claims of {@link SurveyClaims}. Any system holding a key can mint the same tokens with any JWT
 * library; the format and its test vectors are in the README.
 */
public final class LinkSigner {

    /** Tokens longer than this are refused before any work is done on them. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Set<String> ALLOWED_HEADER_PARAMETERS = Set.of("alg", "kid", "typ");
    private static final byte[] UNKNOWN_KEY_STAND_IN = new byte[SigningKeys.MIN_SECRET_BYTES];

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SigningKeys keys;
    private final Clock clock;

    public LinkSigner(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String mint(SurveyClaims claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keys.activeKid())
                .type(JOSEObjectType.JWT)
                .build();
        JWSObject jws = new JWSObject(header, new Payload(json(toJson(claims))));
        try {
            jws.sign(new MACSigner(keys.activeSecret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed", e);
        }
        return jws.serialize();
    }

    private static String json(Map<String, Object> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public LinkCheck verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new LinkCheck.Rejected(LinkCheck.Reason.OVERSIZED);
        }
        if (!COMPACT_JWS.matcher(token).matches()) {
            return new LinkCheck.Rejected(LinkCheck.Reason.MALFORMED);
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return new LinkCheck.Rejected(LinkCheck.Reason.MALFORMED);
        }
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || header.getKeyID() == null
                || !ALLOWED_HEADER_PARAMETERS.containsAll(header.toJSONObject().keySet())) {
            return new LinkCheck.Rejected(LinkCheck.Reason.UNSUPPORTED_HEADER);
        }
        var secret = keys.secret(header.getKeyID());
        boolean signatureMatches = verifySignature(jws, secret.orElse(UNKNOWN_KEY_STAND_IN));
        if (secret.isEmpty()) {
            return new LinkCheck.Rejected(LinkCheck.Reason.UNKNOWN_KEY);
        }
        if (!signatureMatches) {
            return new LinkCheck.Rejected(LinkCheck.Reason.BAD_SIGNATURE);
        }
        SurveyClaims claims;
        try {
            claims = fromJson(jws.getPayload().toJSONObject());
        } catch (RuntimeException e) {
            return new LinkCheck.Rejected(LinkCheck.Reason.BAD_CLAIMS);
        }
        if (claims == null) {
            return new LinkCheck.Rejected(LinkCheck.Reason.BAD_CLAIMS);
        }
        return claims.isExpiredAt(clock.instant()) ? new LinkCheck.Expired(claims) : new LinkCheck.Valid(claims);
    }

    private static boolean verifySignature(JWSObject jws, byte[] secret) {
        try {
            return jws.verify(new MACVerifier(secret));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    static Map<String, Object> toJson(SurveyClaims claims) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", claims.surveyId());
        json.put("s", claims.score());
        json.put("sc", claims.scale().name());
        json.put("l", claims.locale());
        json.put("t", claims.ticketId());
        json.put("a", claims.agentId());
        json.put("tm", claims.teamId());
        json.put("c", claims.customerRef());
        claims.issuedAt().ifPresent(issued -> json.put("iat", issued.getEpochSecond()));
        json.put("exp", claims.expiresAt().getEpochSecond());
        return json;
    }

    /**
     * The claims, or null when one is missing, of the wrong type, or beyond what a link may carry (ids over 64
     * characters, a customer reference over 128): the same limits minting applies, for links minted elsewhere.
     * {@code iat} is optional for outside minters; without it nothing is known about when the links were sent.
     */
    static SurveyClaims fromJson(Map<String, Object> json) {
        if (json == null) {
            return null;
        }
        String surveyId = text(json, "sid");
        Long score = number(json, "s");
        var scale = Scale.parse(text(json, "sc"));
        Long expires = number(json, "exp");
        Long issued = json.containsKey("iat") ? number(json, "iat") : null;
        if (!SurveyIds.isWellFormed(surveyId) || score == null || scale.isEmpty() || expires == null
                || json.containsKey("iat") && issued == null || !scale.get().isValid(score.intValue())
                || score != score.intValue()) {
            return null;
        }
        String locale = text(json, "l");
        String ticket = text(json, "t");
        String agent = text(json, "a");
        String team = text(json, "tm");
        String customer = text(json, "c");
        if (locale == null || ticket == null || agent == null || team == null || customer == null) {
            return null;
        }
        SurveyClaims claims = new SurveyClaims(surveyId, score.intValue(), scale.get(), locale, ticket, agent, team,
                customer, Optional.ofNullable(issued).map(Instant::ofEpochSecond), Instant.ofEpochSecond(expires));
        return claims.withinLimits() ? claims : null;
    }

    private static String text(Map<String, Object> json, String name) {
        return json.get(name) instanceof String value ? value : null;
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
