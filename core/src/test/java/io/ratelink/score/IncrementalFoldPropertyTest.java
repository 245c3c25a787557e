package io.ratelink.score;

import io.ratelink.survey.Scale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental recompute and a full rebuild must agree to the count, for every (dimension, scale, day),
 * whatever the customers clicked and however the changes were cut into recompute runs.
 *
 * <p>A stream of clicks lands on random surveys: first clicks, changes of mind, ratings held as suspect
 * (counted nowhere) and confirmed again. It is cut into batches of random sizes, one per recompute run.
 * Each run sees, per survey, only the latest state (as the ratings table holds it) and the score the
 * aggregates counted for it after the previous run.
 *
 * <p>Each case is generated from its seed with {@link Random}; a failing case names its seed, and
 * {@link ClickStream#generate} with that seed gives the same stream again.
 */
class IncrementalFoldPropertyTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int CASES = 300;
    private static final List<String> TEAMS = List.of("t1", "t2", "t3");
    private static final List<String> AGENTS = List.of("a1", "a2", "a3", "a4", "a5");

    static LongStream seeds() {
        return LongStream.range(0, CASES).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneFoldFedBatchByBatchEqualsAFullRebuild(long seed) {
        ClickStream stream = ClickStream.generate(seed);
        Fold incremental = new Fold();
        Map<Integer, Integer> counted = new HashMap<>();

        for (List<Click> batch : stream.batches()) {
            incremental.applyAll(changesOfRun(stream, batch, counted));
        }

        assertThat(incremental.dayHistograms())
                .as("seed %d: %s", seed, stream)
                .isEqualTo(Fold.rebuild(currentRatings(stream)).dayHistograms());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void runsThatLoadAndStoreOnlyTheDaysTheyTouchEqualAFullRebuild(long seed) {
        ClickStream stream = ClickStream.generate(seed);
        Map<DayKey, Histogram> store = new HashMap<>();
        Map<Integer, Integer> counted = new HashMap<>();

        for (List<Click> batch : stream.batches()) {
            List<RatingChange> changes = changesOfRun(stream, batch, counted);
            Set<DayKey> daysOfRun = changes.stream()
                    .flatMap(change -> change.dimensions().stream()
                            .map(dimension -> new DayKey(dimension, change.scale(), change.day())))
                    .collect(Collectors.toSet());
            Map<DayKey, Histogram> loaded = new HashMap<>(store);
            loaded.keySet().retainAll(daysOfRun);

            Fold run = Fold.startingFrom(loaded);
            run.applyAll(changes);

            assertThat(daysOfRun).as("seed %d", seed).containsAll(run.changedDays());
            for (DayKey day : run.changedDays()) {
                Histogram histogram = run.histogram(day);
                if (histogram.isEmpty()) {
                    store.remove(day);
                } else {
                    store.put(day, histogram);
                }
            }
        }

        assertThat(store)
                .as("seed %d: %s", seed, stream)
                .isEqualTo(Fold.rebuild(currentRatings(stream)).dayHistograms());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void runsThatFoldOnlyTheDaysTheyTouchEqualAFullRebuild(long seed) {
        ClickStream stream = ClickStream.generate(seed);
        Map<DayKey, Histogram> store = new HashMap<>();
        Map<Integer, Integer> counted = new HashMap<>();

        for (List<Click> batch : stream.batches()) {
            DayChanges run = new DayChanges(Map.copyOf(store));
            run.applyAll(changesOfRun(stream, batch, counted));
            run.changedDays().forEach((day, histogram) -> {
                if (histogram.isEmpty()) {
                    store.remove(day);
                } else {
                    store.put(day, histogram);
                }
            });
        }

        assertThat(store)
                .as("seed %d: %s", seed, stream)
                .isEqualTo(Fold.rebuild(currentRatings(stream)).dayHistograms());
    }

    /**
     * The changes one recompute run folds: per survey clicked in the batch, from the score counted after
     * the previous run to the survey's latest state. Updates {@code counted}, by survey number, as the run
     * would.
     */
    private static List<RatingChange> changesOfRun(ClickStream stream, List<Click> batch,
                                                   Map<Integer, Integer> counted) {
        Map<Integer, Integer> latest = new LinkedHashMap<>();
        for (Click click : batch) {
            latest.put(click.survey(), click.score());
        }
        List<RatingChange> changes = new ArrayList<>();
        latest.forEach((survey, toCount) -> {
            changes.add(stream.change(survey, counted.get(survey), toCount));
            if (toCount == null) {
                counted.remove(survey);
            } else {
                counted.put(survey, toCount);
            }
        });
        return changes;
    }

    /** Every clicked survey in its final state, as a full rebuild scans them. */
    private static List<RatingChange> currentRatings(ClickStream stream) {
        Map<Integer, Integer> current = new LinkedHashMap<>();
        for (Click click : stream.clicks()) {
            current.put(click.survey(), click.score());
        }
        List<RatingChange> ratings = new ArrayList<>();
        current.forEach((survey, score) -> ratings.add(stream.change(survey, null, score)));
        return ratings;
    }

    /** A survey the clicks land on; its scale, team, agent and first-click day are fixed. */
    record SurveyPlan(Scale scale, String teamId, String agentId, LocalDate day) {

        /** A raw number mapped onto the scale's points; {@code null} stays "count nowhere". */
        Integer onScale(Integer raw) {
            return raw == null ? null : scale.min() + raw % scale.size();
        }
    }

    /** A click on survey number {@code survey}: a score, or {@code null} when the rating is held as suspect. */
    record Click(int survey, Integer score) {
    }

    /** Clicks in order, cut into recompute runs by the batch sizes, used in turn and cycled. */
    record ClickStream(List<SurveyPlan> surveys, List<Click> clicks, List<Integer> batchSizes) {

        /**
         * 1–25 surveys on random scales, teams, agents and days (ten days), up to 120 clicks on them of
         * which about 15 % hold the rating as suspect, and 1–10 batch sizes of 1–12 clicks.
         */
        static ClickStream generate(long seed) {
            Random random = new Random(seed);
            Scale[] scales = Scale.values();
            List<SurveyPlan> surveys = new ArrayList<>();
            int surveyCount = 1 + random.nextInt(25);
            for (int i = 0; i < surveyCount; i++) {
                surveys.add(new SurveyPlan(scales[random.nextInt(scales.length)],
                        TEAMS.get(random.nextInt(TEAMS.size())), AGENTS.get(random.nextInt(AGENTS.size())),
                        FIRST_DAY.plusDays(random.nextInt(10))));
            }
            List<Click> clicks = new ArrayList<>();
            int clickCount = random.nextInt(121);
            for (int i = 0; i < clickCount; i++) {
                int survey = random.nextInt(surveyCount);
                Integer raw = random.nextDouble() < 0.15 ? null : random.nextInt(11);
                clicks.add(new Click(survey, surveys.get(survey).onScale(raw)));
            }
            List<Integer> batchSizes = new ArrayList<>();
            int batchSizeCount = 1 + random.nextInt(10);
            for (int i = 0; i < batchSizeCount; i++) {
                batchSizes.add(1 + random.nextInt(12));
            }
            return new ClickStream(List.copyOf(surveys), List.copyOf(clicks), List.copyOf(batchSizes));
        }

        /** The change of survey number {@code survey}, whose id is unique to its number. */
        RatingChange change(int survey, Integer previouslyCounted, Integer toCount) {
            SurveyPlan plan = surveys.get(survey);
            return new RatingChange("s" + survey, plan.scale(), plan.teamId(), plan.agentId(), plan.day(),
                    previouslyCounted, toCount);
        }

        List<List<Click>> batches() {
            List<List<Click>> batches = new ArrayList<>();
            int start = 0;
            for (int run = 0; start < clicks.size(); run++) {
                int end = Math.min(clicks.size(), start + batchSizes.get(run % batchSizes.size()));
                batches.add(clicks.subList(start, end));
                start = end;
            }
            return batches;
        }
    }
}
