package io.ratelink.dashboard;

import io.ratelink.score.Histogram;
import io.ratelink.survey.Scale;

import java.util.List;
import java.util.Optional;

/**
 * Everything the overview of one level shows: the headline of each scale in use, the customer happiness index, the
 * chosen scale's trends and distribution, and the rows of the level below.
 *
 * @param scope        whose scores
 * @param period       the chosen period
 * @param headlines    one per scale with answers at this level, in the catalogue's order
 * @param chi          the customer happiness index
 * @param scale        the scale the trends, distribution and table are of; empty when nothing was answered
 * @param daily        90 daily points ending on the period's last day
 * @param weekly       52 weekly points ending on the period's last day
 * @param distribution the chosen scale's answers over the period, point by point
 * @param children     teams at the organisation, agents at a team, none at an agent (unsorted)
 */
public record LevelReport(Scope scope, Period period, List<Headline> headlines, HappinessIndexHeadline chi, Optional<Scale> scale,
        List<TrendPoint> daily, List<TrendPoint> weekly, Optional<Histogram> distribution, List<Ranking.Row> children) {
}
