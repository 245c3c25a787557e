package io.ratelink.score.bench;

import io.ratelink.local.DynamoDbTraffic;
import io.ratelink.rating.Answer;
import io.ratelink.rating.Click;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingItem;
import io.ratelink.rating.store.RatingLedger;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.recompute.Recompute;
import io.ratelink.recompute.RecomputeMode;
import io.ratelink.recompute.RecomputeReport;
import io.ratelink.score.Metrics;
import io.ratelink.score.RatingChange;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.storage.Tables;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.testing.LocalDynamo;
import io.ratelink.time.SettableClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static io.ratelink.testing.RatingBuilder.aRating;

/**
 * The recompute against DynamoDB Local at a size it holds comfortably: a year of already counted ratings
 * (the {@link RatingMix} organisation), then a few hundred clicks — changes of mind, ratings held as suspect,
 * new ratings — and one run over them, incremental or full. Each iteration makes its own clicks first, outside
 * the measurement; the run is measured once (single shot), and its requests and the capacity it consumed are
 * printed after it.
 *
 * <p>Run with {@code ./mvnw -B -pl local,core -Pbench -DskipTests verify -Djmh.args=RecomputeOnDynamoDbLocal}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class RecomputeOnDynamoDbLocalBenchmark {

    private static final Instant NOW = Instant.parse("2025-12-31T12:00:00Z");

    @Param("30000")
    public int ratings;

    @Param("200")
    public int changes;

    private final DynamoDbTraffic traffic = new DynamoDbTraffic();
    private final CapacityMeter capacity = new CapacityMeter();
    private final SettableClock clock = new SettableClock(NOW);
    private DynamoDbClient dynamo;
    private RatingStore ratingStore;
    private Recompute recompute;
    private List<SurveyClaims> surveys;
    private SplittableRandom random;
    private long runMillis;

    @Setup(Level.Trial)
    public void loadAYearOfCountedRatings() {
        dynamo = LocalDynamo.client(traffic, capacity);
        LocalDynamo.TableNames tables = LocalDynamo.freshTables(dynamo);
        ratingStore = new RatingStore(dynamo, tables.ratings(), Duration.ofDays(1095));
        recompute = new Recompute(new RatingLedger(dynamo, tables.ratings(), Tables.BY_CHANGE),
                new ScoreStore(dynamo, tables.scores()), new Metrics(30), clock, Duration.ofMinutes(2),
                Duration.ofMinutes(15), Duration.ofDays(1095));
        RatingMix mix = new RatingMix(NOW.atOffset(ZoneOffset.UTC).toLocalDate());
        surveys = new ArrayList<>(ratings);
        List<WriteRequest> items = new ArrayList<>();
        for (RatingChange counted : mix.firstCounts(ratings, 20251231L)) {
            Instant firstClick = counted.day().atTime(9, 0).toInstant(ZoneOffset.UTC);
            SurveyClaims claims = claims(counted.surveyId(), counted.scale(), counted.teamId(), counted.agentId(),
                    firstClick);
            surveys.add(claims);
            Rating rating = aRating().surveyId(counted.surveyId()).scale(counted.scale()).score(counted.toCount())
                    .countedScore(counted.toCount()).ticketId(claims.ticketId()).agentId(counted.agentId())
                    .teamId(counted.teamId()).customerRef(claims.customerRef()).expiresAt(claims.expiresAt())
                    .issuedAt(claims.issuedAt().orElseThrow()).firstClickAt(firstClick)
                    .clicks(List.of(new Click(firstClick, counted.toCount(), ClientKind.BROWSER, "GET"))).build();
            items.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(RatingItem.toItem(rating, firstClick.plus(Duration.ofDays(1095)))).build()).build());
        }
        for (int from = 0; from < items.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(tables.ratings(), items.subList(from, Math.min(items.size(), from + 25)));
            while (!batch.isEmpty()) {
                Map<String, List<WriteRequest>> ask = batch;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(ask));
                batch = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
        RecomputeReport counted = recompute.run(RecomputeMode.FULL);
        System.out.printf("%n[setup] %d ratings loaded and counted: %d days, %d series written%n",
                ratings, counted.daysWritten(), counted.seriesRolledUp());
        random = new SplittableRandom(42);
    }

    /**
     * The clicks of one interval between two runs, a few minutes after the last run so that the overlap it
     * reads again holds none of them: 70 % changes of mind, 10 % ratings held as suspect, 20 % new ratings.
     */
    @Setup(Level.Iteration)
    public void clickBetweenRuns() {
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < changes; i++) {
            int kind = random.nextInt(10);
            SurveyClaims survey;
            if (kind >= 8) {
                SurveyClaims like = surveys.get(random.nextInt(surveys.size()));
                survey = claims("new-" + surveys.size(), like.scale(), like.teamId(), like.agentId(), clock.instant());
                surveys.add(survey);
            } else {
                survey = surveys.get(random.nextInt(surveys.size()));
            }
            int score = survey.scale().min() + random.nextInt(survey.scale().size());
            ratingStore.record(new Answer(survey.withScore(score), score,
                    new Click(clock.instant(), score, ClientKind.BROWSER, "GET"), Optional.empty()),
                    kind == 7 ? RatingStatus.SUSPECT : RatingStatus.COUNTED);
            clock.advance(Duration.ofMillis(100));
        }
        clock.advance(Duration.ofMinutes(1));
        traffic.clear();
        capacity.reset();
    }

    @Benchmark
    public RecomputeReport incremental() {
        return timed(RecomputeMode.INCREMENTAL);
    }

    @Benchmark
    public RecomputeReport fullRebuild() {
        return timed(RecomputeMode.FULL);
    }

    @TearDown(Level.Iteration)
    public void printTraffic() {
        System.out.printf("%n[run] %d ms, %d requests %s, %.1f read units, %.1f write units%n", runMillis,
                traffic.operations().size(), traffic.counts(), capacity.readUnits(), capacity.writeUnits());
    }

    @TearDown(Level.Trial)
    public void close() {
        dynamo.close();
    }

    private RecomputeReport timed(RecomputeMode mode) {
        long start = System.nanoTime();
        RecomputeReport report = recompute.run(mode);
        runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (report.outcome() != RecomputeReport.Outcome.DONE) {
            throw new IllegalStateException("the run did not run: " + report);
        }
        return report;
    }

    private static SurveyClaims claims(String surveyId, Scale scale, String teamId, String agentId, Instant firstClick) {
        Instant issued = firstClick.minus(Duration.ofHours(1));
        return new SurveyClaims(surveyId, scale.min(), scale, "en", "ticket-" + surveyId, agentId, teamId,
                "customer-" + surveyId, issued, issued.plus(Duration.ofDays(30)));
    }
}
