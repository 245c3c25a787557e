package io.ratelink.rating;

import io.ratelink.survey.Scale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A survey's answer as stored: the current score, what the aggregates counted, the click log and the comment.
 *
 * @param countedScore the score the scores table currently counts for this survey, empty when it counts nowhere
 * @param version      incremented by every write, so concurrent readers can tell a stale copy
 * @param statusReason why the rating has its status (which rule held it), empty for an ordinary answer
 */
public record Rating(
        String surveyId,
        Scale scale,
        int score,
        Optional<Integer> countedScore,
        long version,
        boolean low,
        RatingStatus status,
        Optional<String> statusReason,
        String locale,
        String ticketId,
        String agentId,
        String teamId,
        String customerRef,
        Instant issuedAt,
        Instant expiresAt,
        Instant firstClickAt,
        Instant lastClickAt,
        Instant changedAt,
        Optional<String> comment,
        Optional<Instant> commentAt,
        List<Click> clicks) {
}
