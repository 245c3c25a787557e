package io.ratelink.escalate;

import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;

import java.util.Optional;

/**
 * When a rating reaches the agent's manager. A counted rating in its scale's low band is in a low-rating episode;
 * the change that starts an episode escalates, changes inside it do not again, a new comment inside it is sent as a
 * follow-up, and leaving the band sends nothing.
 *
 * <p>Decided from the item's images before and after one change alone, so a redelivered stream record is decided
 * the same way again: the escalations table, not this class, makes sure it is sent once.
 */
public final class EscalationPolicy {

    private final LowBands lowBands;

    public EscalationPolicy(LowBands lowBands) {
        this.lowBands = lowBands;
    }

    /**
     * @param before the rating before the change, empty for a new item
     * @param after  the rating after it, empty for a deleted item
     */
    public Decision decide(Optional<Rating> before, Optional<Rating> after) {
        if (after.isEmpty()) {
            return new Decision.Nothing(Decision.Reason.REMOVED);
        }
        Rating now = after.get();
        boolean wasInEpisode = before.filter(this::isInEpisode).isPresent();
        if (!isInEpisode(now)) {
            if (wasInEpisode) {
                return new Decision.Nothing(Decision.Reason.LEFT_LOW_BAND);
            }
            return new Decision.Nothing(isLow(now) ? Decision.Reason.HELD_AS_SUSPECT : Decision.Reason.NOT_LOW);
        }
        if (!wasInEpisode) {
            return new Decision.Escalate(now);
        }
        if (hasNewComment(before.get(), now)) {
            return new Decision.FollowUp(now);
        }
        return new Decision.Nothing(Decision.Reason.ALREADY_ESCALATED);
    }

    /** Whether the rating is in a low-rating episode: counted, and in its scale's low band. */
    public boolean isInEpisode(Rating rating) {
        return rating.status() == RatingStatus.COUNTED && isLow(rating);
    }

    public boolean isLow(Rating rating) {
        return lowBands.isLow(rating.scale(), rating.score());
    }

    private static boolean hasNewComment(Rating before, Rating after) {
        Optional<String> comment = after.comment().filter(text -> !text.isBlank());
        return comment.isPresent() && !comment.equals(before.comment());
    }
}
