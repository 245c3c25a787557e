package io.ratelink.http.rating;

import io.ratelink.rating.store.RatingPage;
import io.ratelink.rating.store.RatingQuery;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.Scale;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v1/ratings}: ratings by change time, newest first, filtered by agent, team, scale, time and low;
 * JSON pages with a cursor, or CSV with {@code Accept: text/csv} (the cursor then in {@code X-Next-Cursor}).
 * Ratings held as suspect are listed only when asked for: {@code status=suspect} lists only them,
 * {@code includeSuspect=true} lists them with the counted ones; their {@code statusReason} says why they were held.
 */
@Path("/v1/ratings")
public class RatingsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);

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

    private Response answer(RatingFilter filter, java.util.function.Function<RatingPage, Response> shape) {
        List<String> problems = new ArrayList<>();
        RatingQuery query = query(filter.agentId, filter.teamId, filter.scale, filter.from, filter.to, filter.low,
                filter.status, filter.includeSuspect, filter.limit, filter.cursor, problems);
        if (!problems.isEmpty()) {
            return badRequest(problems);
        }
        return run(query, shape);
    }

    private Response run(RatingQuery query, java.util.function.Function<RatingPage, Response> shape) {
        try {
            return shape.apply(store.query(query));
        } catch (IllegalArgumentException badCursor) {
            return badRequest(List.of(badCursor.getMessage()));
        }
    }

    private RatingQuery query(String agentId, String teamId, String scale, String from, String to, String low,
            String status, String includeSuspect, Integer limit, String cursor, List<String> problems) {
        Instant end = instant("to", to, problems).orElse(clock.instant());
        Instant start = instant("from", from, problems).orElse(end.minus(DEFAULT_RANGE));
        if (start.isAfter(end)) {
            problems.add("from must not be after to");
        } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            problems.add("from and to may be at most " + MAX_RANGE.toDays() + " days apart");
        }
        Optional<Scale> parsedScale = Optional.ofNullable(scale).filter(s -> !s.isBlank()).map(s -> Scale.parse(s)
                .orElseGet(() -> {
                    problems.add("scale must be one of " + List.of(Scale.values()));
                    return null;
                }));
        Optional<Boolean> lowOnly = Optional.ofNullable(low).filter(l -> !l.isBlank()).map(l -> {
            if (!l.equals("true") && !l.equals("false")) {
                problems.add("low must be true or false");
            }
            return Boolean.parseBoolean(l);
        });
        Set<RatingStatus> statuses = statuses(status, includeSuspect, problems);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            problems.add("limit must be between 1 and " + MAX_LIMIT);
        }
        return new RatingQuery(blankToEmpty(agentId), blankToEmpty(teamId), parsedScale, start, end, lowOnly, statuses,
                size, blankToEmpty(cursor));
    }

    /** Counted ratings only, unless {@code status} names one status or {@code includeSuspect=true} adds the held ones. */
    private static Set<RatingStatus> statuses(String status, String includeSuspect, List<String> problems) {
        boolean withSuspect = false;
        if (includeSuspect != null && !includeSuspect.isBlank()) {
            if (!includeSuspect.equals("true") && !includeSuspect.equals("false")) {
                problems.add("includeSuspect must be true or false");
            }
            withSuspect = includeSuspect.equals("true");
        }
        if (status != null && !status.isBlank()) {
            for (RatingStatus known : RatingStatus.values()) {
                if (known.attributeValue().equals(status)) {
                    return EnumSet.of(known);
                }
            }
            problems.add("status must be one of " + Arrays.stream(RatingStatus.values())
                    .map(RatingStatus::attributeValue).toList());
        }
        return withSuspect ? EnumSet.allOf(RatingStatus.class) : EnumSet.of(RatingStatus.COUNTED);
    }

    /** An ISO instant ({@code 2026-11-01T00:00:00Z}) or a date ({@code 2026-11-01}, meaning its start in UTC). */
    private static Optional<Instant> instant(String name, String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value));
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a date (2026-11-01) or an instant (2026-11-01T09:30:00Z)");
            return Optional.empty();
        }
    }

    private static Optional<String> blankToEmpty(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Response badRequest(List<String> problems) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("errors", problems)).build();
    }
}
