package io.ratelink.rating.store;

import io.ratelink.rating.Rating;
import java.util.List;
import java.util.Optional;

/** One page of ratings and, when there are more, the cursor for the next. */
public record RatingPage(List<Rating> ratings, Optional<String> nextCursor) {
}
