package io.ratelink.rating;

import io.ratelink.survey.SurveyClaims;

import java.time.Instant;
import java.util.Optional;

/**
 * One answer to record: the survey's claims, the chosen score, who sent it and when, and an optional comment.
 *
 * @param claims  the verified link's claims (their {@code score} is the link's own option)
 * @param score   the answer chosen: the link's option on a click, or the one picked on the page
 * @param click   the request, for the click log
 * @param comment a comment typed on the page, already checked for length
 */
public record Answer(SurveyClaims claims, int score, Click click, Optional<String> comment) {

    public Answer {
        if (!claims.scale().isValid(score)) {
            throw new IllegalArgumentException("score " + score + " is not a point of " + claims.scale());
        }
    }

    public static Answer click(SurveyClaims claims, ClientKind client, Instant at) {
        return new Answer(claims, claims.score(), new Click(at, claims.score(), client, "GET"), Optional.empty());
    }

    public static Answer onPage(SurveyClaims claims, int score, ClientKind client, Instant at, Optional<String> comment) {
        return new Answer(claims, score, new Click(at, score, client, "POST"), comment);
    }
}
