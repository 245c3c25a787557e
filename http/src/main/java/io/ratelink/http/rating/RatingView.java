package io.ratelink.http.rating;

import io.ratelink.rating.Click;
import io.ratelink.rating.Rating;

import java.time.Instant;
import java.util.List;

/** A rating as the API shows it. */
public record RatingView(String surveyId, String scale, int score, boolean low, String status, String statusReason,
        String ticketId, String agentId, String teamId, String customerRef, String locale, String comment,
        Instant firstClickAt, Instant lastClickAt, Instant changedAt, Instant expiresAt, List<Click> clicks) {

    public static RatingView of(Rating rating) {
        return new RatingView(rating.surveyId(), rating.scale().name(), rating.score(), rating.low(),
                rating.status().attributeValue(), rating.statusReason().orElse(null), rating.ticketId(),
                rating.agentId(), rating.teamId(), rating.customerRef(), rating.locale(),
                rating.comment().orElse(null), rating.firstClickAt(), rating.lastClickAt(), rating.changedAt(),
                rating.expiresAt(), rating.clicks());
    }
}
