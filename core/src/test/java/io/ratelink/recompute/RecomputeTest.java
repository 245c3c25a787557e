package io.ratelink.recompute;

import io.ratelink.local.DynamoDbTraffic.InjectedFailure;
import io.ratelink.local.DynamoDbTraffic.Request;
import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.rating.Rating;
import io.ratelink.rating.store.LedgerOperation;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.score.store.LeaseLost;
import io.ratelink.score.store.ScoreOperation;
import io.ratelink.score.store.SeriesWindows;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.ratelink.recompute.RecomputeMode.FULL;
import static io.ratelink.recompute.RecomputeMode.INCREMENTAL;
import static io.ratelink.recompute.RecomputeReport.Outcome.BUSY;
import static io.ratelink.recompute.RecomputeReport.Outcome.DONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The recompute against DynamoDB Local: incremental runs against full rebuilds, retries, overlaps, day changes. */
class RecomputeTest {

    private static final String MARK_COUNTED = LedgerOperation.MARK_COUNTED.operationName();
    private static final String CHANGED_SINCE = LedgerOperation.CHANGED_SINCE.operationName();
    private static final String READ_DAYS = ScoreOperation.READ_DAYS.operationName();
    private static final String SAVE_PLAN = ScoreOperation.SAVE_PLAN.operationName();
    private static final String COMMIT_PLAN = ScoreOperation.COMMIT_PLAN.operationName();
    private static final String WRITE_DAYS = ScoreOperation.WRITE_DAYS.operationName();
    private static final String WRITE_WINDOWS = ScoreOperation.WRITE_WINDOWS.operationName();
    private static final String FINISH = ScoreOperation.FINISH.operationName();

    private static final Instant START = Instant.parse("2025-06-10T09:00:00Z");
    /** DynamoDB Local removes items whose time to live has run out by its own clock; a test that expires them itself starts later. */
    private static final Instant LATER_THAN_THE_ENGINES_OWN_CLOCK = Instant.parse("2045-06-10T09:00:00Z");

    private RecomputeFixture fixture = new RecomputeFixture(START);

    @AfterEach
    void closeClient() {
        fixture.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void incrementalRunsOverDaysOfClicksGiveTheScoresOfAFullRebuildToTheCount(long seed) {
        Random random = new Random(seed);
        List<String> surveys = declareSurveys(random, 40);
        for (int run = 0; run < 12; run++) {
            clickAtRandom(random, surveys, 1 + random.nextInt(25));
            if (random.nextInt(4) == 0) {
                fixture.clock.advance(Duration.ofDays(1 + random.nextInt(9)));
            }
            assertThat(fixture.recompute().run(INCREMENTAL).outcome()).isEqualTo(DONE);
        }

        RecomputeFixture.StoredScores incremental = fixture.stored();
        assertThat(incremental).as("seed %d", seed).isEqualTo(fixture.expected());
        assertThat(fixture.allRatings()).as("seed %d", seed).noneMatch(Rating::needsRecount);

        RecomputeReport full = fixture.recompute().run(FULL);

        assertThat(full.ratingsRecounted()).as("ratings the full rebuild found miscounted").isZero();
        assertThat(full.daysWritten()).as("days the full rebuild found different").isZero();
        assertThat(fixture.stored()).isEqualTo(incremental);
    }

    @Test
    void theFirstRunCountsEverythingAndLaterRunsReadOnlyWhatChangedSinceTheWatermark() {
        for (int i = 0; i < 30; i++) {
            fixture.answered("s" + i, Scale.CSAT_5, "t1", "a" + i % 3, 1 + i % 5);
        }
        fixture.clock.advance(Duration.ofMinutes(5));
        RecomputeReport first = fixture.recompute().run(INCREMENTAL);
        assertThat(first.mode()).isEqualTo(FULL);
        assertThat(first.ratingsRead()).isEqualTo(30);

        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.answer("s1", 5);
        fixture.answer("s2", 5);
        fixture.clock.advance(Duration.ofSeconds(30));
        fixture.traffic.clear();
        RecomputeReport second = fixture.recompute().run(INCREMENTAL);

        assertThat(second.mode()).isEqualTo(INCREMENTAL);
        assertThat(second.ratingsRead()).isEqualTo(2);
        assertThat(second.ratingsRecounted()).isEqualTo(2);
        assertThat(fixture.traffic.counts()).doesNotContainKey("Scan");
        assertThat(fixture.traffic.counts().get("UpdateItem"))
                .as("the lease, two marks, the commit, the finish, the release").isEqualTo(6);
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
        Series team = new Series(Dimension.team("t1"), Scale.CSAT_5);
        assertThat(fixture.scores.windows().of(team).orElseThrow().windows().get(Window.LAST_7_DAYS).histogram())
                .isEqualTo(Histogram.of(Scale.CSAT_5, 6, 5, 5, 6, 8));
    }

    @Test
    void theRostersListTheAgentsEachTeamsRatingsNamedAndAnAgentWhoMovedKeepsBothTeams() {
        fixture.answered("r1", Scale.CSAT_5, "emea", "ana", 5);
        fixture.answered("r2", Scale.NPS, "emea", "bo", 9);
        fixture.answered("r3", Scale.CSAT_5, "apac", "chen", 2);
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.recompute().run(FULL);

        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.answered("r4", Scale.CSAT_5, "apac", "ana", 4);
        fixture.clock.advance(Duration.ofSeconds(30));
        fixture.recompute().run(INCREMENTAL);

        assertThat(fixture.scores.rosters().agentsOf("emea")).containsExactly("ana", "bo");
        assertThat(fixture.scores.rosters().agentsOf("apac")).containsExactly("ana", "chen");
        assertThat(fixture.scores.rosters().teamsOf(List.of("ana"))).containsExactly("apac", "emea");
        assertThat(fixture.scores.rosters().teamsOf(List.of("bo", "nobody"))).containsExactly("emea");
        assertThat(fixture.scores.rosters().agentsOf("unknown-team")).isEmpty();
    }

    @Test
    void aRunWithNothingChangedWritesNoPlan() {
        fixture.answered("s1", Scale.NPS, "t1", "a1", 9);
        fixture.recompute().run(INCREMENTAL);
        fixture.clock.advance(Duration.ofMinutes(5));

        RecomputeReport idle = fixture.recompute().run(INCREMENTAL);

        assertThat(idle.plan()).isNull();
        assertThat(idle.watermark()).isEqualTo(fixture.clock.instant().minus(RecomputeFixture.OVERLAP));
    }

    @Test
    void aSuspectRatingCountsNowhereUntilAPersonConfirmsIt() {
        fixture.answered("s1", Scale.CSAT_3, "t1", "a1", 3);
        fixture.recompute().run(INCREMENTAL);
        Series agent = new Series(Dimension.agent("a1"), Scale.CSAT_3);

        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.holdAsSuspect("s1", 1);
        fixture.recompute().run(INCREMENTAL);
        assertThat(fixture.scores.days().of(agent)).isEmpty();
        assertThat(window(agent, Window.ALL_TIME).isEmpty()).isTrue();

        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.answer("s1", 2);
        fixture.recompute().run(INCREMENTAL);
        assertThat(window(agent, Window.ALL_TIME)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_3, 2));
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    @Test
    void aCountTheDayHistogramsDoNotHoldIsSkippedAndTheRunCountsEverythingElse() {
        fixture.survey("s1", Scale.CSAT_5, "t1", "a1");
        fixture.survey("s2", Scale.CSAT_5, "t1", "a2");
        fixture.answer("s1", 2);
        fixture.answer("s2", 5);
        fixture.recompute().run(INCREMENTAL);
        Rating s1 = fixture.ledger.current(List.of("s1")).get("s1");
        fixture.ledger.markCounted(CountedScoreUpdate.recounted("s1", s1.version(), 4));
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.answer("s1", 1);
        fixture.answer("s2", 3);
        fixture.clock.advance(Duration.ofMinutes(1));

        RecomputeReport report = fixture.recompute().run(INCREMENTAL);

        assertThat(report.outcome()).isEqualTo(DONE);
        assertThat(report.countsNotFound()).as("the org's, the team's and the agent's day").isEqualTo(3);
        assertThat(report.ratingsRecounted()).isEqualTo(2);
        assertThat(fixture.allRatings()).noneMatch(Rating::needsRecount);
        assertThat(window(new Series(Dimension.agent("a2"), Scale.CSAT_5), Window.ALL_TIME))
                .isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 3));
        assertThat(window(new Series(Dimension.agent("a1"), Scale.CSAT_5), Window.ALL_TIME))
                .as("the 2 it never took away stays until a full rebuild").isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1, 2));

        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.answer("s1", 5);
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.recompute().run(INCREMENTAL).countsNotFound()).as("the next run").isZero();
        fixture.recompute().run(FULL);
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    @Test
    void onceARatingHasExpiredItsDayHistogramIsTheRecordForIncrementalRunsAndFullRebuildsAlike() {
        fixture.close();
        fixture = new RecomputeFixture(LATER_THAN_THE_ENGINES_OWN_CLOCK, Duration.ofDays(30));
        fixture.survey("expires", Scale.CSAT_5, "t1", "a1");
        fixture.survey("changes-late", Scale.CSAT_5, "t1", "a1");
        fixture.survey("recent", Scale.CSAT_5, "t1", "a2");
        fixture.answer("expires", 1);
        fixture.answer("changes-late", 2);
        fixture.recompute().run(INCREMENTAL);
        fixture.clock.advance(Duration.ofDays(20));
        fixture.answer("changes-late", 3);
        fixture.recompute().run(INCREMENTAL);
        fixture.clock.advance(Duration.ofDays(10 + 2));
        fixture.expire("expires");
        fixture.answer("changes-late", 4);
        fixture.answer("recent", 5);
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.recompute().run(INCREMENTAL);
        Series team = new Series(Dimension.team("t1"), Scale.CSAT_5);
        assertThat(window(team, Window.ALL_TIME)).as("the expired rating's answer stays counted")
                .isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1, 4, 5));
        RecomputeFixture.StoredScores incremental = fixture.stored();

        RecomputeReport full = fixture.recompute().run(FULL);

        assertThat(full.daysWritten()).as("days the full rebuild found different").isZero();
        assertThat(fixture.stored()).isEqualTo(incremental);

        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.answer("changes-late", 5);
        fixture.clock.advance(Duration.ofMinutes(1));
        RecomputeReport rebuilt = fixture.recompute().run(FULL);

        assertThat(rebuilt.ratingsRecounted()).isEqualTo(1);
        assertThat(window(team, Window.ALL_TIME)).as("a rating still there moves its count on a kept day")
                .isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1, 5, 5));
        assertThat(fixture.allRatings()).noneMatch(Rating::needsRecount);
        RecomputeFixture.StoredScores afterFull = fixture.stored();
        fixture.clock.advance(Duration.ofMinutes(1));
        assertThat(fixture.recompute().run(INCREMENTAL).ratingsRecounted()).isZero();
        assertThat(fixture.stored()).isEqualTo(afterFull);
    }

    @Test
    void windowsDropTheDaysThatLeaveThemWhenTheDayMovesOn() {
        fixture.answered("s1", Scale.THUMBS, "t1", "a1", 1);
        fixture.recompute().run(INCREMENTAL);
        Series team = new Series(Dimension.team("t1"), Scale.THUMBS);
        assertThat(window(team, Window.LAST_7_DAYS).total()).isEqualTo(1);

        fixture.clock.advance(Duration.ofDays(8));
        RecomputeReport nextWeek = fixture.recompute().run(INCREMENTAL);

        assertThat(nextWeek.seriesRolledOver()).isEqualTo(3);
        assertThat(window(team, Window.LAST_7_DAYS).total()).isZero();
        assertThat(window(team, Window.LAST_30_DAYS).total()).isEqualTo(1);
        assertThat(fixture.scores.windows().of(team).orElseThrow().asOf()).isEqualTo(fixture.today());
        assertThat(fixture.stored()).isEqualTo(fixture.expected());

        fixture.clock.advance(Duration.ofHours(1));
        assertThat(fixture.recompute().run(INCREMENTAL).seriesRolledOver())
                .as("the second run of a day rolls nothing over").isZero();
    }

    @Test
    void aClickThatLandsWhileTheRunWritesItsMarksIsCountedByTheNextRunAndNeverTwice() {
        fixture.countedThenChanged(Scale.CSAT_5, 2, 4);
        fixture.traffic.before(MARK_COUNTED, request -> {
            fixture.clock.advance(Duration.ofSeconds(1));
            fixture.answer("s1", 5);
        });

        fixture.recompute().run(INCREMENTAL);
        fixture.traffic.clearRules();
        Series agent = new Series(Dimension.agent("a1"), Scale.CSAT_5);
        assertThat(window(agent, Window.ALL_TIME)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 4));
        assertThat(fixture.allRatings()).singleElement().satisfies(rating -> {
            assertThat(rating.countedScore()).contains(4);
            assertThat(rating.score()).isEqualTo(5);
        });

        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.recompute().run(INCREMENTAL);
        assertThat(window(agent, Window.ALL_TIME)).isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 5));
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    @Test
    void aSecondRunWhileTheFirstHoldsTheLeaseWritesNothingAndTheFirstCountsOnce() throws Exception {
        fixture.countedThenChanged(Scale.CES_7, 6, 2);
        CountDownLatch firstIsReading = new CountDownLatch(1);
        CountDownLatch secondIsDone = new CountDownLatch(1);
        fixture.traffic.before(CHANGED_SINCE, request -> {
            firstIsReading.countDown();
            await(secondIsDone);
        });

        CompletableFuture<RecomputeReport> first = CompletableFuture.supplyAsync(() -> fixture.recompute().run(INCREMENTAL));
        assertThat(firstIsReading.await(10, TimeUnit.SECONDS)).isTrue();
        RecomputeReport second = fixture.recompute().run(INCREMENTAL);
        secondIsDone.countDown();

        assertThat(second.outcome()).isEqualTo(BUSY);
        assertThat(second.busyUntil()).isEqualTo(fixture.clock.instant().plus(RecomputeFixture.LEASE));
        assertThat(first.get(10, TimeUnit.SECONDS).ratingsRecounted()).isEqualTo(1);
        assertThat(window(new Series(Dimension.ORG, Scale.CES_7), Window.ALL_TIME))
                .isEqualTo(Histogram.ofAnswers(Scale.CES_7, 2));
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    /**
     * The process dies at the named step — every request from there on fails, the lease is not given back —
     * and a new process retries: it must wait out the lease, then finish the committed plan, counting nothing
     * twice.
     */
    @ParameterizedTest(name = "dies at {0}")
    @ValueSource(strings = {"second mark", "day histograms", "windows", "finish"})
    void aRunThatDiesAfterCommittingIsFinishedByTheNextRunWithoutCountingTwice(String step) {
        for (int i = 0; i < 6; i++) {
            fixture.answered("s" + i, Scale.NPS, "t" + i % 2, "a" + i % 3, i);
        }
        fixture.recompute().run(INCREMENTAL);
        fixture.clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 6; i++) {
            fixture.answer("s" + i, 10 - i);
        }
        fixture.answered("s6", Scale.NPS, "t1", "a1", 9);
        dieAt(step);

        assertThatThrownBy(() -> fixture.recompute().run(INCREMENTAL)).isInstanceOf(RuntimeException.class);
        fixture.traffic.clearRules();
        assertThat(fixture.scores.lease().state().pending()).isPresent();

        RecomputeReport tooSoon = fixture.recompute().run(INCREMENTAL);
        assertThat(tooSoon.outcome()).as("the dead run's lease still holds").isEqualTo(BUSY);

        fixture.clock.advance(RecomputeFixture.LEASE.plusMinutes(1));
        RecomputeReport retry = fixture.recompute().run(INCREMENTAL);

        assertThat(retry.outcome()).isEqualTo(DONE);
        assertThat(retry.replayedPlan()).isNotNull();
        assertThat(retry.ratingsRecounted()).isZero();
        assertThat(fixture.scores.lease().state().pending()).isEmpty();
        assertThat(fixture.allRatings()).noneMatch(Rating::needsRecount);
        assertThat(window(new Series(Dimension.ORG, Scale.NPS), Window.ALL_TIME).total()).isEqualTo(7);
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
        assertThat(fixture.recompute().run(FULL).daysWritten()).isZero();
    }

    @Test
    void aFullRebuildThatDiesIsFinishedByTheNextIncrementalRun() {
        for (int i = 0; i < 5; i++) {
            fixture.answered("s" + i, Scale.CSAT_5, "t1", "a" + i, 1 + i);
        }
        dieAt("windows");
        assertThatThrownBy(() -> fixture.recompute().run(FULL)).isInstanceOf(RuntimeException.class);
        fixture.traffic.clearRules();
        fixture.clock.advance(RecomputeFixture.LEASE.plusMinutes(1));

        RecomputeReport retry = fixture.recompute().run(INCREMENTAL);

        assertThat(retry.replayedPlan()).isNotNull();
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
        assertThat(fixture.allRatings()).noneMatch(Rating::needsRecount);
    }

    @Test
    void aRunThatFailsBeforeCommittingLeavesTheScoresAsTheyWereAndGivesTheLeaseBack() {
        fixture.countedThenChanged(Scale.CSAT_3, 1, 3);
        RecomputeFixture.StoredScores before = fixture.stored();
        fixture.traffic.before(READ_DAYS, request -> {
            throw new InjectedFailure("the connection dropped");
        });

        assertThatThrownBy(() -> fixture.recompute().run(INCREMENTAL))
                .satisfies(failure -> assertThat(rootCause(failure)).isInstanceOf(InjectedFailure.class));
        fixture.traffic.clearRules();
        assertThat(fixture.stored()).isEqualTo(before);
        assertThat(fixture.scores.lease().state().pending()).isEmpty();
        assertThat(fixture.scores.lease().state().leaseHolder()).isEmpty();

        RecomputeReport retry = fixture.recompute().run(INCREMENTAL);
        assertThat(retry.outcome()).isEqualTo(DONE);
        assertThat(retry.ratingsRecounted()).isEqualTo(1);
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    @Test
    void aRunWhoseLeaseRunsShortStopsBeforeWritingAndTheNextRunFinishesItsPlan() {
        fixture.countedThenChanged(Scale.PMF, 3, 1);
        fixture.traffic.before(COMMIT_PLAN, request -> fixture.clock.advance(Duration.ofMinutes(13)));

        assertThatThrownBy(() -> fixture.recompute().run(INCREMENTAL)).isInstanceOf(LeaseLost.class);
        fixture.traffic.clearRules();
        assertThat(fixture.allRatings()).singleElement().satisfies(rating -> assertThat(rating.countedScore()).contains(3));

        RecomputeReport next = fixture.recompute().run(INCREMENTAL);
        assertThat(next.replayedPlan()).isNotNull();
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    @Test
    void aRunThatOutlivedItsLeaseCannotCommitOverTheRunThatTookItOver() {
        fixture.countedThenChanged(Scale.CSAT_5, 5, 1);
        List<RecomputeReport> takeovers = new ArrayList<>();
        fixture.traffic.before(SAVE_PLAN, request -> {
            fixture.clock.advance(RecomputeFixture.LEASE.plusMinutes(1));
            takeovers.add(fixture.recompute().run(INCREMENTAL));
        });

        assertThatThrownBy(() -> fixture.recompute().run(INCREMENTAL)).isInstanceOf(LeaseLost.class);

        assertThat(takeovers).singleElement().satisfies(report -> {
            assertThat(report.outcome()).isEqualTo(DONE);
            assertThat(report.ratingsRecounted()).isEqualTo(1);
        });
        fixture.traffic.clearRules();
        assertThat(window(new Series(Dimension.ORG, Scale.CSAT_5), Window.ALL_TIME))
                .isEqualTo(Histogram.ofAnswers(Scale.CSAT_5, 1));
        assertThat(fixture.stored()).isEqualTo(fixture.expected());
    }

    @Test
    void storedWindowsCarryTheirMetricsWithIntervalsAndTheLowSampleFlag() {
        int[] answers = {4, 5, 4, 3, 3};
        for (int i = 0; i < answers.length; i++) {
            fixture.answered("s" + i, Scale.CES_5, "t1", "a1", answers[i]);
        }

        fixture.recompute().run(INCREMENTAL);

        SeriesWindows windows = fixture.scores.windows().of(new Series(Dimension.team("t1"), Scale.CES_5)).orElseThrow();
        var ces = windows.windows().get(Window.LAST_30_DAYS).metrics().get(Metrics.CES);
        assertThat(ces.value()).isEqualTo(3.8);
        assertThat(ces.n()).isEqualTo(5);
        assertThat(ces.low()).isLessThan(3.8);
        assertThat(ces.high()).isGreaterThan(3.8);
        assertThat(ces.lowSample()).isTrue();
        assertThat(windows.windows().get(Window.LAST_30_DAYS).metrics())
                .isEqualTo(fixture.metrics.compute(Histogram.ofAnswers(Scale.CES_5, answers)));
        assertThat(windows.computedAt()).isEqualTo(fixture.clock.instant());
    }

    private List<String> declareSurveys(Random random, int count) {
        Scale[] scales = {Scale.CSAT_5, Scale.CES_EFFORT_5, Scale.NPS, Scale.THUMBS};
        List<String> surveys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "s" + i;
            fixture.survey(id, scales[random.nextInt(scales.length)], "t" + random.nextInt(3), "a" + random.nextInt(6));
            surveys.add(id);
        }
        return surveys;
    }

    /** First clicks, changes of mind, ratings held as suspect and confirmed, a few seconds to minutes apart. */
    private void clickAtRandom(Random random, List<String> surveys, int clicks) {
        for (int i = 0; i < clicks; i++) {
            String survey = surveys.get(random.nextInt(surveys.size()));
            Scale scale = fixture.scaleOf(survey);
            int score = scale.min() + random.nextInt(scale.size());
            if (random.nextInt(7) == 0) {
                fixture.holdAsSuspect(survey, score);
            } else {
                fixture.answer(survey, score);
            }
            fixture.clock.advance(Duration.ofSeconds(1 + random.nextInt(300)));
        }
    }

    private Histogram window(Series series, Window window) {
        return fixture.scores.windows().of(series).orElseThrow().windows().get(window).histogram();
    }

    /** From the request that matches {@code step} on, every request fails: the process is gone. */
    private void dieAt(String step) {
        Predicate<Request> at = switch (step) {
            case "second mark" -> nth(2, request -> request.isNamed(MARK_COUNTED));
            case "day histograms" -> request -> request.isNamed(WRITE_DAYS);
            case "windows" -> request -> request.isNamed(WRITE_WINDOWS);
            case "finish" -> request -> request.isNamed(FINISH);
            default -> throw new IllegalArgumentException(step);
        };
        boolean[] dead = {false};
        fixture.traffic.before(request -> dead[0] || at.test(request), request -> {
            dead[0] = true;
            throw new InjectedFailure("the process died before " + request.operation());
        });
    }

    private static Predicate<Request> nth(int n, Predicate<Request> matches) {
        int[] seen = {0};
        return request -> matches.test(request) && ++seen[0] == n;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited 10 s for the other run");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
