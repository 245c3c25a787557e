package io.ratelink.http.rating;

import io.ratelink.http.web.ApiErrors;
import io.ratelink.rating.store.RatingPage;
import io.ratelink.rating.store.RatingStore;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /v1/ratings}: ratings by change time, newest first, filtered by agent, team, scale, time and low;
 * JSON pages with a cursor, or CSV with {@code Accept: text/csv} (the cursor then in {@code X-Next-Cursor}).
 * Ratings held as suspect are listed only when asked for: {@code status=suspect} lists only them,
 * {@code includeSuspect=true} lists them with the counted ones; their {@code statusReason} says why they were held.
 */
@Path("/v1/ratings")
public class RatingsResource {

    private final RatingStore store;
    private final Clock clock;

    public RatingsResource(RatingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@BeanParam RatingFilter filter) {
        return answer(filter, page -> Response.ok(Map.of(
                "ratings", page.ratings().stream().map(RatingView::of).toList(),
                "nextCursor", page.nextCursor().orElse(""))).build());
    }

    @GET
    @Produces("text/csv")
    public Response csv(@BeanParam RatingFilter filter) {
        return answer(filter, page -> {
            Response.ResponseBuilder csv = Response.ok(RatingsCsv.write(page.ratings()), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"ratings.csv\"");
            page.nextCursor().ifPresent(next -> csv.header("X-Next-Cursor", next));
            return csv.build();
        });
    }

    private Response answer(RatingFilter filter, Function<RatingPage, Response> shape) {
        Instant now = clock.instant();
        List<String> problems = filter.problems(now);
        if (!problems.isEmpty()) {
            return ApiErrors.badRequest(problems);
        }
        RatingPage page;
        try {
            page = store.query(filter.query(now));
        } catch (IllegalArgumentException badCursor) {
            return ApiErrors.badRequest(badCursor.getMessage());
        }
        return shape.apply(page);
    }
}
