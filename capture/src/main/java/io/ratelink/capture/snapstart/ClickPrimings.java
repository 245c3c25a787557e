package io.ratelink.capture.snapstart;

import io.ratelink.click.snapstart.PrimingEvents;
import io.ratelink.click.snapstart.PrimingEvents.Request;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synthetic API Gateway HTTP API (v2) events that walk the click path before a SnapStart snapshot, none of
 * which records anything: in every language and on every scale, a {@code HEAD} of a valid link (the thank-you page,
 * checked and not recorded), a form answer whose comment is over the limit (the thank-you page with its problem,
 * refused before the store), a click on an expired link (the expired page) and a browser's prefetch (refused); then a
 * tampered link (the bad-link page).
 */
public final class ClickPrimings {

    private final LinkSigner signer;
    private final int maxCommentLength;

    /** @param signer signs the links with the function's own active key, so they pass verification as real ones do */
    public ClickPrimings(LinkSigner signer, int maxCommentLength) {
        this.signer = signer;
        this.maxCommentLength = maxCommentLength;
    }

    public List<Request> all(List<String> languages, Instant now) {
        List<Request> primings = new ArrayList<>();
        String tooLong = "x".repeat(maxCommentLength + 1);
        for (String language : languages) {
            for (Scale scale : Scale.values()) {
                int score = scale.max();
                String valid = signer.mint(claims(scale, score, language, now, now.plus(Duration.ofDays(7))));
                String expired = signer.mint(claims(scale, score, language, now.minus(Duration.ofDays(30)),
                        now.minus(Duration.ofDays(1))));
                String where = language + " " + scale;
                primings.add(new Request("HEAD, " + where, PrimingEvents.request("HEAD", "/r/" + valid, Map.of(), null), 200));
                primings.add(new Request("comment over the limit, " + where, PrimingEvents.request("POST", "/r/" + valid,
                        Map.of("content-type", "application/x-www-form-urlencoded"),
                        "score=" + score + "&comment=" + tooLong), 400));
                primings.add(new Request("expired link, " + where, PrimingEvents.request("GET", "/r/" + expired, Map.of(), null), 410));
                primings.add(new Request("prefetch, " + where,
                        PrimingEvents.request("GET", "/r/" + valid, Map.of("sec-purpose", "prefetch"), null), 503));
            }
        }
        primings.add(new Request("tampered link", PrimingEvents.request("GET", "/r/" + tampered(signer.mint(
                claims(Scale.CSAT_5, 5, "en", now, now.plus(Duration.ofDays(7))))), Map.of(), null), 400));
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
}
