package io.ratelink.rating;

import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A survey's answer as stored: the current score, what the aggregates counted, the click log and the comment.
 *
 * @param countedScore the score the scores table currently counts for this survey, empty when it counts nowhere
 * @param version      incremented by every write, so concurrent readers can tell a stale copy
 * @param statusReason why the rating has its status (which rule held it), empty for an ordinary answer
 * @param context      the ticket the survey is about, as its links said
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
        SurveyContext context,
        Instant expiresAt,
        Instant firstClickAt,
        Instant lastClickAt,
        Instant changedAt,
        Optional<String> comment,
        Optional<Instant> commentAt,
        List<Click> clicks) implements SurveyContext.Held {

    /** The score the scores should count for this rating now: its score when counted, none while it is held as suspect. */
    public Optional<Integer> scoreToCount() {
        return status == RatingStatus.COUNTED ? Optional.of(score) : Optional.empty();
    }

    /** Whether the scores count something other than what they should for it now: a recompute has a count to move. */
    public boolean needsRecount() {
        return !countedScore.equals(scoreToCount());
    }

    /** The UTC day of the first click: the day the rating is counted on, whatever the customer does later. */
    public LocalDate firstClickDay() {
        return firstClickAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
