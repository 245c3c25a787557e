package io.ratelink.rating.store;

import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Which ratings to list, newest change first. Every filter is optional but the time range, which the
 * caller bounds (the API defaults it to the last 30 days), and the statuses.
 *
 * @param from     earliest change time, inclusive
 * @param to       latest change time, inclusive
 * @param low      only low (true) or only not-low (false) ratings
 * @param statuses the statuses listed; the API lists counted ratings unless asked for held ones
 * @param limit    the most ratings one page holds
 * @param cursor   where the previous page stopped
 */
public record RatingQuery(Optional<String> agentId, Optional<String> teamId, Optional<Scale> scale,
        Instant from, Instant to, Optional<Boolean> low, Set<RatingStatus> statuses, int limit, Optional<String> cursor) {

    public RatingQuery {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a query lists at least one status");
        }
        statuses = Set.copyOf(statuses);
    }
}
