package io.ratelink.escalate;

import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;
import io.ratelink.testing.RatingBuilder;

import java.time.Instant;
import java.util.Optional;

import static io.ratelink.testing.RatingBuilder.aRating;

/** Ratings as the stream's images carry them, for tests that state only what matters to them. */
final class Ratings {

    static final Instant ISSUED = RatingBuilder.ISSUED;

    private Ratings() {
    }

    static Rating rating(Scale scale, int score, long version, RatingStatus status, Optional<String> comment) {
        Instant changed = ISSUED.plusSeconds(3600 + version * 60);
        RatingBuilder rating = aRating().scale(scale).score(score).version(version).status(status).lastClickAt(changed);
        comment.ifPresent(text -> rating.comment(text, changed));
        return rating.build();
    }

    static Rating counted(Scale scale, int score, long version) {
        return rating(scale, score, version, RatingStatus.COUNTED, Optional.empty());
    }

    static Rating commented(Scale scale, int score, long version, String comment) {
        return rating(scale, score, version, RatingStatus.COUNTED, Optional.of(comment));
    }
}
