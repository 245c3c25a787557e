package io.ratelink.escalate;

import io.ratelink.rating.Rating;
import io.ratelink.survey.Scale;

import java.time.Instant;
import java.util.Optional;

/**
 * What an escalation email tells about the rating, as it was when the email was decided: kept with the escalation,
 * so a replay days later sends what happened then.
 *
 * @param ratedAt   when the customer gave the score (the change that started the episode) or the comment
 * @param comment   the customer's comment, as typed
 */
public record LowRating(
        String surveyId,
        Scale scale,
        int score,
        String ticketId,
        String agentId,
        String teamId,
        String surveyLocale,
        Optional<String> comment,
        Instant ratedAt) {

    public static LowRating of(Rating rating, Instant ratedAt) {
        return new LowRating(rating.surveyId(), rating.scale(), rating.score(), rating.ticketId(), rating.agentId(),
                rating.teamId(), rating.locale(), rating.comment().filter(text -> !text.isBlank()), ratedAt);
    }
}
