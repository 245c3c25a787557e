package io.ratelink.http.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The synthetic API Gateway HTTP API (v2) events that walk the click path before a SnapStart snapshot, none of
 * which records anything: in every language and on every scale, a {@code HEAD} of a valid link (the thank-you page,
 * checked and not recorded), a form answer whose comment is over the limit (the thank-you page with its problem,
 * refused before the store), a click on an expired link (the expired page) and a browser's prefetch (refused); then a
 * tampered link (the bad-link page) and one admin read of the ratings.
 */
public final class PrimingRequests {

    /** One event and the status it must be answered with. */
    public record Priming(String description, APIGatewayV2HTTPEvent event, int expectedStatus) {
    }

    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    /** A documentation address (RFC 5737): no real client, no scanner network. */
    static final String SOURCE_IP = "192.0.2.10";

    private final LinkSigner signer;
    private final int maxCommentLength;
    private final Optional<String> apiKey;

    /**
     * @param signer signs the links with the function's own active key, so they pass verification as real ones do
     * @param apiKey a key of the admin API; without one the admin read is left out
     */
    public PrimingRequests(LinkSigner signer, int maxCommentLength, Optional<String> apiKey) {
        this.signer = signer;
        this.maxCommentLength = maxCommentLength;
        this.apiKey = apiKey;
    }

    public List<Priming> all(List<String> languages, Instant now) {
        List<Priming> primings = new ArrayList<>();
        String tooLong = "x".repeat(maxCommentLength + 1);
        for (String language : languages) {
            for (Scale scale : Scale.values()) {
                int score = scale.max();
                String valid = signer.mint(claims(scale, score, language, now, now.plus(Duration.ofDays(7))));
                String expired = signer.mint(claims(scale, score, language, now.minus(Duration.ofDays(30)),
                        now.minus(Duration.ofDays(1))));
                String where = language + " " + scale;
                primings.add(new Priming("HEAD, " + where, request("HEAD", "/r/" + valid, Map.of(), null), 200));
                primings.add(new Priming("comment over the limit, " + where, request("POST", "/r/" + valid,
                        Map.of("content-type", "application/x-www-form-urlencoded"),
                        "score=" + score + "&comment=" + tooLong), 400));
                primings.add(new Priming("expired link, " + where, request("GET", "/r/" + expired, Map.of(), null), 410));
                primings.add(new Priming("prefetch, " + where,
                        request("GET", "/r/" + valid, Map.of("sec-purpose", "prefetch"), null), 503));
            }
        }
        primings.add(new Priming("tampered link", request("GET", "/r/" + tampered(signer.mint(
                claims(Scale.CSAT_5, 5, "en", now, now.plus(Duration.ofDays(7))))), Map.of(), null), 400));
        apiKey.ifPresent(key -> primings.add(new Priming("admin read", request("GET", "/v1/ratings",
                Map.of("authorization", "Bearer " + key, "accept", "application/json"), null, "limit=1"), 200)));
        return List.copyOf(primings);
    }

    /** Claims of a survey that exists nowhere: a fresh id, as {@code POST /v1/surveys} would give. */
    static SurveyClaims claims(Scale scale, int score, String language, Instant issuedAt, Instant expiresAt) {
        return new SurveyClaims(SurveyIds.next(), score, scale, language, "priming", "priming", "priming", "priming",
                issuedAt, expiresAt);
    }

    private static String tampered(String token) {
        char[] chars = token.toCharArray();
        int last = chars.length - 2;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> extraHeaders, String body) {
        return request(method, path, extraHeaders, body, "");
    }

    static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> extraHeaders, String body,
            String query) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("accept-encoding", "gzip, deflate, br");
        headers.put("host", "priming.invalid");
        headers.put("user-agent", BROWSER);
        headers.put("x-forwarded-proto", "https");
        headers.putAll(extraHeaders);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        headers.put("content-length", Integer.toString(bytes.length));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("priming")
                        .withDomainName("priming.invalid")
                        .withRequestId("priming")
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTimeEpoch(System.currentTimeMillis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(SOURCE_IP)
                                .withUserAgent(BROWSER)
                                .build())
                        .build())
                .build();
    }
}
