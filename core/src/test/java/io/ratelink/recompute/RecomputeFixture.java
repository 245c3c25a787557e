package io.ratelink.recompute;

import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.rating.Answer;
import io.ratelink.rating.Click;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingItem;
import io.ratelink.rating.store.RatingLedger;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.score.DayKey;
import io.ratelink.score.Fold;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.RatingChange;
import io.ratelink.score.Rollup;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.storage.Tables;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.testing.LocalDynamo;
import io.ratelink.time.SettableClock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ratings table and a scores table of their own on DynamoDB Local, a clock the test moves, clicks recorded
 * through the click path's own store, and the scores read back whole to compare.
 */
final class RecomputeFixture implements AutoCloseable {

    static final Duration OVERLAP = Duration.ofMinutes(2);
    static final Duration LEASE = Duration.ofMinutes(15);
    static final Duration DEFAULT_RETENTION = Duration.ofDays(1095);

    final DynamoDbTraffic traffic = new DynamoDbTraffic();
    final DynamoDbClient dynamo = LocalDynamo.client(traffic);
    final LocalDynamo.TableNames tables = LocalDynamo.freshTables(dynamo);
    final SettableClock clock;
    final Duration retention;
    final RatingStore ratingStore;
    final RatingLedger ledger = new RatingLedger(dynamo, tables.ratings(), Tables.BY_CHANGE);
    final ScoreStore scores = new ScoreStore(dynamo, tables.scores());
    final Metrics metrics = new Metrics(30);
    private final Map<String, SurveyClaims> surveys = new HashMap<>();

    RecomputeFixture(Instant start) {
        this(start, DEFAULT_RETENTION);
    }

    /** @param retention how long a rating is kept after its last change, by the click path and the recompute */
    RecomputeFixture(Instant start, Duration retention) {
        this.clock = new SettableClock(start);
        this.retention = retention;
        this.ratingStore = new RatingStore(dynamo, tables.ratings(), retention);
    }

    /** A recompute as a fresh process would build it: nothing shared with another but the tables and the clock. */
    Recompute recompute() {
        return new Recompute(ledger, scores, metrics, clock, OVERLAP, LEASE, retention);
    }

    LocalDate today() {
        return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** Declares a survey; its first answer creates the rating. */
    void survey(String surveyId, Scale scale, String teamId, String agentId) {
        Instant issued = clock.instant().minus(Duration.ofDays(1));
        surveys.put(surveyId, new SurveyClaims(surveyId, scale.min(), scale, "en", "ticket-" + surveyId, agentId,
                teamId, "customer-" + surveyId, issued, issued.plus(Duration.ofDays(365))));
    }

    /** Declares a survey and records a person's answer to it, counted. */
    Rating answered(String surveyId, Scale scale, String teamId, String agentId, int score) {
        survey(surveyId, scale, teamId, agentId);
        return answer(surveyId, score);
    }

    /**
     * Survey {@code s1} of agent {@code a1} in team {@code t1} answered {@code counted}, counted by a run, and ten
     * minutes later changed to {@code changed}: a change the next run has to count.
     */
    void countedThenChanged(Scale scale, int counted, int changed) {
        answered("s1", scale, "t1", "a1", counted);
        recompute().run(RecomputeMode.INCREMENTAL);
        clock.advance(Duration.ofMinutes(10));
        answer("s1", changed);
    }

    /** A person's answer, counted. */
    Rating answer(String surveyId, int score) {
        return record(surveyId, score, RatingStatus.COUNTED);
    }

    /** An answer held as suspect: it counts nowhere until a person confirms. */
    Rating holdAsSuspect(String surveyId, int score) {
        return record(surveyId, score, RatingStatus.SUSPECT);
    }

    private Rating record(String surveyId, int score, RatingStatus status) {
        SurveyClaims claims = surveys.get(surveyId).withScore(score);
        return ratingStore.record(new Answer(claims, score, new Click(clock.instant(), score, ClientKind.BROWSER, "GET"),
                Optional.empty()), status);
    }

    /** Removes a rating whose time to live has run out, as the table's TTL does: a delete no recompute sees. */
    void expire(String surveyId) {
        var item = dynamo.getItem(r -> r.tableName(tables.ratings()).key(RatingItem.key(surveyId)).consistentRead(true)).item();
        long purgeAt = Long.parseLong(item.get(RatingItem.PURGE_AT).n());
        if (clock.instant().getEpochSecond() < purgeAt) {
            throw new IllegalStateException(surveyId + " is kept until " + Instant.ofEpochSecond(purgeAt));
        }
        dynamo.deleteItem(r -> r.tableName(tables.ratings()).key(RatingItem.key(surveyId)));
    }

    Scale scaleOf(String surveyId) {
        return surveys.get(surveyId).scale();
    }

    List<Rating> allRatings() {
        List<Rating> all = new ArrayList<>();
        ledger.scan(all::add);
        return all;
    }

    /** Every day histogram and window in the scores table. */
    StoredScores stored() {
        Map<DayKey, Histogram> days = new HashMap<>();
        Map<Series, Map<Window, Histogram>> windows = new HashMap<>();
        for (Scale scale : Scale.values()) {
            scores.windows().forEach(scale, stored -> {
                Map<Window, Histogram> histograms = new EnumMap<>(Window.class);
                stored.windows().forEach((window, score) -> histograms.put(window, score.histogram()));
                windows.put(stored.series(), histograms);
                scores.days().of(stored.series()).forEach((day, histogram) -> days.put(stored.series().on(day), histogram));
            });
        }
        return new StoredScores(days, windows);
    }

    /**
     * The scores as they must be, counted here from the ratings as they stand, independently of the recompute:
     * every day histogram, and the windows of every series that has ever been counted, as of today.
     */
    StoredScores expected(Set<Series> seriesEverCounted) {
        List<RatingChange> ratings = new ArrayList<>();
        for (Rating rating : allRatings()) {
            ratings.add(RatingChange.firstCount(rating.surveyId(), rating.scale(), rating.teamId(), rating.agentId(),
                    rating.firstClickDay(), rating.scoreToCount().orElse(null)));
        }
        Fold fold = Fold.rebuild(ratings);
        Set<Series> series = new HashSet<>(seriesEverCounted);
        series.addAll(fold.series());
        Map<Series, Map<Window, Histogram>> windows = new HashMap<>();
        for (Series one : series) {
            windows.put(one, Rollup.windows(one.scale(), fold.days(one), today()));
        }
        return new StoredScores(fold.dayHistograms(), windows);
    }

    StoredScores expected() {
        return expected(stored().windows().keySet());
    }

    @Override
    public void close() {
        dynamo.close();
    }

    /** The scores table's day histograms and windows, as plain values to compare. */
    record StoredScores(Map<DayKey, Histogram> days, Map<Series, Map<Window, Histogram>> windows) {
    }
}
