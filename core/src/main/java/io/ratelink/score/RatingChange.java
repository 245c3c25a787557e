package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the aggregates must do about one rating: stop counting the score they counted before and count
 * the rating's score now, in the day histograms of its organisation, team and agent.
 *
 * <p>A rating stays on the day of its first click whatever the customer does later, so a change of mind
 * moves one answer between two points of the same day histogram and never between days.
 *
 * @param surveyId          the rating's survey, for error messages
 * @param scale             the survey's scale
 * @param teamId            the team of the ticket's agent
 * @param agentId           the agent who handled the ticket
 * @param day               the UTC day of the first click
 * @param previouslyCounted the score the aggregates counted for this rating; {@code null} if they never
 *                          counted it (a new rating, a suspect one, or a full rebuild)
 * @param toCount           the score to count from now on; {@code null} to count it nowhere (a suspect
 *                          rating waiting for a person to confirm it)
 */
public record RatingChange(
        String surveyId,
        Scale scale,
        String teamId,
        String agentId,
        LocalDate day,
        Integer previouslyCounted,
        Integer toCount) {

    public RatingChange {
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(day, "day");
        requireOnScale(scale, previouslyCounted, "previously counted");
        requireOnScale(scale, toCount, "to count");
    }

    /** A rating counted for the first time, or counted from scratch by a full rebuild. */
    public static RatingChange firstCount(String surveyId, Scale scale, String teamId, String agentId,
                                          LocalDate day, Integer toCount) {
        return new RatingChange(surveyId, scale, teamId, agentId, day, null, toCount);
    }

    /** The organisation, the team and the agent: the three dimensions the rating is counted in. */
    public List<Dimension> dimensions() {
        return Dimension.of(teamId, agentId);
    }

    /** Whether folding it leaves every count as it is. */
    public boolean changesNothing() {
        return Objects.equals(previouslyCounted, toCount);
    }

    /** The same rating as a full rebuild sees it: nothing counted before, its current score to count. */
    public RatingChange fromScratch() {
        return previouslyCounted == null ? this : firstCount(surveyId, scale, teamId, agentId, day, toCount);
    }

    private static void requireOnScale(Scale scale, Integer score, String which) {
        if (score != null && !scale.isValid(score)) {
            throw new IllegalArgumentException("score " + which + " " + score + " is not a point of " + scale);
        }
    }
}
