package io.ratelink.escalate;

import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Ratings as the stream's images carry them, for tests that state only what matters to them. */
final class Ratings {

    static final Instant ISSUED = Instant.parse("2025-11-20T09:00:00Z");

    private Ratings() {
    }

    static Rating rating(Scale scale, int score, long version, RatingStatus status, Optional<String> comment) {
        Instant changed = ISSUED.plusSeconds(3600 + version * 60);
        return new Rating("survey-1", scale, score, Optional.empty(), version, scale.isLow(score), status, Optional.empty(),
                "en", "T-1", "agent-1", "team-1", "cust-1", Optional.of(ISSUED), ISSUED.plusSeconds(30 * 86400), ISSUED.plusSeconds(3600),
                changed, changed, comment, comment.map(text -> changed), List.of());
    }

    static Rating counted(Scale scale, int score, long version) {
        return rating(scale, score, version, RatingStatus.COUNTED, Optional.empty());
    }

    static Rating commented(Scale scale, int score, long version, String comment) {
        return rating(scale, score, version, RatingStatus.COUNTED, Optional.of(comment));
    }
}
