package io.ratelink.http.rating;

import io.ratelink.http.web.Params;
import io.ratelink.rating.store.RatingQuery;
import io.ratelink.rating.RatingStatus;
import io.ratelink.survey.Scale;
import jakarta.ws.rs.QueryParam;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query parameters of {@code GET /v1/ratings}, as sent; the same for JSON and CSV. {@link #problems} names what
 * is wrong with them, {@link #query} reads them once there is nothing.
 */
public class RatingFilter {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(366);

    @QueryParam("agentId")
    public String agentId;

    @QueryParam("teamId")
    public String teamId;

    @QueryParam("scale")
    public String scale;

    @QueryParam("from")
    public String from;

    @QueryParam("to")
    public String to;

    @QueryParam("low")
    public String low;

    @QueryParam("status")
    public String status;

    @QueryParam("includeSuspect")
    public String includeSuspect;

    @QueryParam("limit")
    public Integer limit;

    @QueryParam("cursor")
    public String cursor;

    /** What is wrong with the filter, one sentence per problem; empty when it can be run. {@code to} defaults to {@code now}. */
    public List<String> problems(Instant now) {
        List<String> problems = new ArrayList<>();
        read(now, problems);
        return problems;
    }

    /** The query, from a filter that has no {@link #problems}. */
    public RatingQuery query(Instant now) {
        List<String> problems = new ArrayList<>();
        RatingQuery query = read(now, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return query;
    }

    private RatingQuery read(Instant now, List<String> problems) {
        Instant end = instant("to", to, problems).orElse(now);
        Instant start = instant("from", from, problems).orElse(end.minus(DEFAULT_RANGE));
        if (start.isAfter(end)) {
            problems.add("from must not be after to");
        } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            problems.add("from and to may be at most " + MAX_RANGE.toDays() + " days apart");
        }
        Optional<String> agent = Params.id("agentId", agentId, problems);
        Optional<String> team = Params.id("teamId", teamId, problems);
        Optional<Scale> parsedScale = Params.scale(scale, problems);
        Optional<Boolean> lowOnly = Params.bool("low", low, problems);
        Set<RatingStatus> statuses = statuses(problems);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            problems.add("limit must be between 1 and " + MAX_LIMIT);
        }
        return new RatingQuery(agent, team, parsedScale, start, end, lowOnly, statuses, size,
                Optional.ofNullable(cursor).filter(c -> !c.isBlank()));
    }

    /** Counted ratings only, unless {@code status} names one status or {@code includeSuspect=true} adds the held ones. */
    private Set<RatingStatus> statuses(List<String> problems) {
        boolean withSuspect = Params.bool("includeSuspect", includeSuspect, problems).orElse(false);
        if (!Params.isBlank(status)) {
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
        if (Params.isBlank(value)) {
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
}
