package io.ratelink.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.ratelink.survey.HmacJws.number;
import static io.ratelink.survey.HmacJws.text;

/**
 * Mints and verifies rating-link tokens: JWS compact serialization, HS256 only, a {@code kid} header, and
 * the short claims of {@link SurveyClaims}. Any system holding a key can mint the same tokens with any JWT
 * library; the format and its test vectors are in the README.
 */
public final class LinkSigner {

    /** Tokens longer than this are refused before any work is done on them. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private final HmacJws jws;
    private final Clock clock;

    public LinkSigner(SigningKeys keys, Clock clock) {
        this.jws = new HmacJws(keys, MAX_TOKEN_LENGTH);
        this.clock = clock;
    }

    public String mint(SurveyClaims claims) {
        return jws.sign(toJson(claims));
    }

    public LinkCheck verify(String token) {
        HmacJws.Result result = jws.verify(token);
        if (result instanceof HmacJws.Result.Refused refused) {
            return new LinkCheck.Rejected(reason(refused.problem()));
        }
        SurveyClaims claims;
        try {
            claims = fromJson(((HmacJws.Result.Verified) result).claims());
        } catch (RuntimeException e) {
            return new LinkCheck.Rejected(LinkCheck.Reason.BAD_CLAIMS);
        }
        if (claims == null) {
            return new LinkCheck.Rejected(LinkCheck.Reason.BAD_CLAIMS);
        }
        return claims.isExpiredAt(clock.instant()) ? new LinkCheck.Expired(claims) : new LinkCheck.Valid(claims);
    }

    private static LinkCheck.Reason reason(HmacJws.Problem problem) {
        return switch (problem) {
            case OVERSIZED -> LinkCheck.Reason.OVERSIZED;
            case MALFORMED -> LinkCheck.Reason.MALFORMED;
            case UNSUPPORTED_HEADER -> LinkCheck.Reason.UNSUPPORTED_HEADER;
            case UNKNOWN_KEY -> LinkCheck.Reason.UNKNOWN_KEY;
            case BAD_SIGNATURE -> LinkCheck.Reason.BAD_SIGNATURE;
            case BAD_PAYLOAD -> LinkCheck.Reason.BAD_CLAIMS;
        };
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
}
