package io.ratelink.escalate;

import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;


/**
 * Which ratings reach the agent's manager: a counted rating in its scale's low band (the catalogue's, or a narrower
 * one configured) is in a low-rating episode. A held rating, or one outside the band, sends nothing.
 */
public final class EscalationPolicy {

    private final LowBands lowBands;

    public EscalationPolicy(LowBands lowBands) {
        this.lowBands = lowBands;
    }

    /** Whether the rating is in a low-rating episode: counted, and in its scale's low band. */
    public boolean isInEpisode(Rating rating) {
        return rating.status() == RatingStatus.COUNTED && isLow(rating);
    }

    public boolean isLow(Rating rating) {
        return lowBands.isLow(rating.scale(), rating.score());
    }

}
