package io.ratelink.rating;

import java.util.Objects;
import java.util.Optional;

/** What becomes of one answer: saved with a status, or left out so that the stored rating stays as it is. */
public sealed interface Verdict {

    /**
     * Save the answer with this status.
     *
     * @param reason why it is held; empty for a counted answer
     */
    record Save(RatingStatus status, Optional<String> reason) implements Verdict {

        public Save {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
        }

        public static Save counted() {
            return new Save(RatingStatus.COUNTED, Optional.empty());
        }

        public static Save suspect(String reason) {
            return new Save(RatingStatus.SUSPECT, Optional.of(reason));
        }
    }

    /** Leave the stored rating as it is: a held click never replaces a person's counted answer. */
    record Leave() implements Verdict {
    }
}
