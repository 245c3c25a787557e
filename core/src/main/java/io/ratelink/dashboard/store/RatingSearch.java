package io.ratelink.dashboard.store;

import io.ratelink.rating.Rating;
import io.ratelink.rating.store.RatingPage;
import io.ratelink.rating.store.RatingQuery;
import io.ratelink.rating.store.RatingStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Ratings for the dashboard's lists and CSV, through {@link RatingStore#query} (the store {@code GET /v1/ratings}
 * reads): every page of a query followed to its end, or until enough ratings were found; for several teams, one query
 * per team, merged newest change first.
 */
public class RatingSearch {

    /** How many ratings one query reads per page. */
    public static final int PAGE = 1000;

    private final RatingStore store;

    public RatingSearch(RatingStore store) {
        this.store = store;
    }

    /**
     * What was found, newest change first, and whether more would have matched.
     *
     * @param complete false when the search stopped at its limit with more ratings left to read
     */
    public record Found(List<Rating> ratings, boolean complete) {
    }

    /**
     * The ratings of the query (its team is ignored when {@code teams} is given) that pass {@code keep}, at most
     * {@code max} of them.
     *
     * @param teams the teams to keep to; empty for every team the query's own filters allow
     * @param read  the most ratings to read in all, a bound on the work a page or an export may cause
     */
    public Found find(RatingQuery query, Optional<Set<String>> teams, Predicate<Rating> keep, int max, int read) {
        if (teams.isEmpty()) {
            return collect(query, keep, max, read);
        }
        List<Rating> merged = new ArrayList<>();
        boolean complete = true;
        for (String team : teams.get()) {
            Found one = collect(withTeam(query, team), keep, max, read);
            merged.addAll(one.ratings());
            complete &= one.complete();
        }
        merged.sort(Comparator.comparing(Rating::changedAt).reversed().thenComparing(Rating::surveyId));
        if (merged.size() > max) {
            return new Found(List.copyOf(merged.subList(0, max)), false);
        }
        return new Found(List.copyOf(merged), complete);
    }

    private Found collect(RatingQuery query, Predicate<Rating> keep, int max, int read) {
        List<Rating> found = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int seen = 0;
        do {
            RatingPage page = store.query(new RatingQuery(query.agentId(), query.teamId(), query.scale(), query.from(),
                    query.to(), query.low(), query.statuses(), Math.min(PAGE, read - seen), cursor));
            for (Rating rating : page.ratings()) {
                seen++;
                if (keep.test(rating)) {
                    found.add(rating);
                    if (found.size() == max) {
                        return new Found(List.copyOf(found), false);
                    }
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && seen < read);
        return new Found(List.copyOf(found), cursor.isEmpty());
    }

    private static RatingQuery withTeam(RatingQuery query, String team) {
        return new RatingQuery(query.agentId(), Optional.of(team), query.scale(), query.from(), query.to(), query.low(),
                query.statuses(), query.limit(), query.cursor());
    }
}
