package io.ratelink.recompute;

import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.rating.Rating;
import io.ratelink.rating.store.RatingLedger;
import io.ratelink.score.DayChanges;
import io.ratelink.score.DayKey;
import io.ratelink.score.Dimension;
import io.ratelink.score.Fold;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.RatingChange;
import io.ratelink.score.Rollup;
import io.ratelink.score.Series;
import io.ratelink.score.TeamMember;
import io.ratelink.score.Window;
import io.ratelink.score.store.LeaseLost;
import io.ratelink.score.store.RecomputeState;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.score.store.SeriesWindows;
import io.ratelink.score.store.WindowScore;
import io.ratelink.survey.Scale;
import org.jboss.logging.Logger;

import java.time.Clock;
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
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the scores table in step with the ratings table: the per-day histograms of every dimension and scale,
 * and their windows.
 *
 * <p><b>Incremental</b> (the scheduled run) reads only the ratings changed since the watermark, through the
 * change-time index, and moves each one's count from the score counted before ({@code countedScore} on the
 * rating) to the score to count now, in the day histogram of its first click, for its organisation, team and
 * agent. Windows are sums of days, so the windows of a touched series move by the changed days' differences;
 * only on the first run of a day are the windows rolled up again from their days, as days leave them. Its
 * cost follows the ratings that changed, not all the ratings there are. <b>Full</b> counts every rating from
 * scratch and writes whatever differs from what is stored; both give the same scores, to the count.
 *
 * <p><b>Expired ratings.</b> The ratings table's time to live removes a rating the retention after its last change,
 * and its count stays where the incremental path left it: once a rating has expired, its day histogram is the
 * record. A full rebuild therefore recounts from scratch only the days younger than the retention, where every
 * rating is still there; an older day keeps its stored histogram, moved only by the ratings still there that
 * changed since they were counted — what the incremental path would do with them.
 *
 * <p><b>Retries and overlaps.</b> A run first takes a lease on the state item (a conditional write): a second
 * run that starts meanwhile finds it held and does nothing. The run then works out everything it will write —
 * the marks on the ratings, the day histograms, the windows — as whole values, saves that plan under its own
 * name and commits it with one conditional write on the state item, and only then writes it out. A run that dies before the commit
 * has written nothing that counts; one that dies after it leaves the plan pending, and the next run that takes
 * the lease writes it out again to the end before anything else. Writing a plan twice changes nothing: the
 * histograms and windows are written whole, and a mark is written only over the score it moves from or over
 * itself. The lease outlives the longest run (the function's timeout), so a run is dead before another may
 * take over its plan.
 *
 * <p>A click that lands after a rating was read leaves a later version and change time on it: the mark records
 * the version that was counted, and the next run moves the count on. Nothing is lost and nothing counted twice.
 */
public class Recompute {

    /** What the log says, with the survey, series, day and score, for a count that could not be taken away. */
    public static final String COUNT_NOT_FOUND_LOG_TERM = "recompute.count-not-found";

    private static final Logger LOG = Logger.getLogger(Recompute.class);

    /** How many marks are written between two checks that the lease has time left. */
    private static final int MARKS_PER_LEASE_CHECK = 100;

    private final RatingLedger ratings;
    private final ScoreStore scores;
    private final Metrics metrics;
    private final Clock clock;
    private final Duration overlap;
    private final Duration lease;
    private final Duration retention;

    /**
     * @param overlap   how far before its watermark a run reads changes again: longer than the change-time index
     *                  can trail the table plus any disagreement between the clocks that stamp changes
     * @param lease     how long a run may hold the lease: longer than a run can last
     * @param retention how long a rating is kept after its last change before the table's time to live removes it:
     *                  a full rebuild recounts from the ratings only the days none of whose ratings can be gone
     */
    public Recompute(RatingLedger ratings, ScoreStore scores, Metrics metrics, Clock clock, Duration overlap,
                     Duration lease, Duration retention) {
        this.ratings = ratings;
        this.scores = scores;
        this.metrics = metrics;
        this.clock = clock;
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /**
     * Runs once: finishes a plan an earlier run left pending, then counts what changed (or everything, for
     * {@link RecomputeMode#FULL}, and for the very first run).
     *
     * @return what it did; {@link RecomputeReport.Outcome#BUSY} if another run holds the lease
     * @throws LeaseLost if the run took longer than its lease; whatever it committed is finished by the next run
     */
    public RecomputeReport run(RecomputeMode mode) {
        String holder = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        Instant leaseUntil = startedAt.plus(lease);
        Optional<RecomputeState> acquired = scores.lease().acquire(holder, startedAt, leaseUntil);
        if (acquired.isEmpty()) {
            return RecomputeReport.busy(mode, startedAt, scores.lease().state().leaseUntil().orElse(null));
        }
        RuntimeException failure = null;
        try {
            return new Run(holder, acquired.get(), startedAt, leaseUntil).execute(mode);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try {
                scores.lease().release(holder);
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    throw e;
                }
            }
        }
    }

    /** One run, holding the lease. */
    private final class Run {

        private final String holder;
        private final Instant startedAt;
        private final LocalDate today;
        private final Instant leaseUntil;
        private RecomputeState state;
        private Long replayedPlan;
        private int ratingsRead;
        private int seriesRolledOver;
        private int countsNotFound;

        Run(String holder, RecomputeState state, Instant startedAt, Instant leaseUntil) {
            this.holder = holder;
            this.state = state;
            this.startedAt = startedAt;
            this.today = startedAt.atOffset(ZoneOffset.UTC).toLocalDate();
            this.leaseUntil = leaseUntil;
        }

        RecomputeReport execute(RecomputeMode asked) {
            OptionalLong replacing = OptionalLong.empty();
            if (state.pending().isPresent()) {
                if (asked == RecomputeMode.FULL) {
                    replacing = state.pending();
                } else {
                    finishPendingPlan();
                }
            }
            RecomputeMode mode = state.watermark().isPresent() ? asked : RecomputeMode.FULL;
            if (mode == RecomputeMode.INCREMENTAL && !state.windowsAsOf().filter(today::equals).isPresent()) {
                rollOverStaleWindows();
            }
            long sequence = state.sequence() + 1;
            RecomputePlan plan = mode == RecomputeMode.FULL ? planFullRebuild(sequence) : planIncremental(sequence);
            Long committed = null;
            if (plan.writesNothing() && replacing.isEmpty()) {
                scores.lease().finish(holder, OptionalLong.empty(), plan.watermark(), clock.instant(), mode.label());
            } else {
                List<byte[]> chunks = PlanCodec.encode(plan);
                requireLeaseTime("saving plan " + sequence);
                scores.plans().save(sequence, holder, chunks);
                try {
                    scores.lease().commitPlan(holder, clock.instant(), sequence, chunks.size(), replacing);
                } catch (LeaseLost lost) {
                    scores.plans().delete(sequence, holder, chunks.size());
                    throw lost;
                }
                apply(plan);
                scores.lease().finish(holder, OptionalLong.of(sequence), plan.watermark(), clock.instant(), mode.label());
                scores.plans().delete(sequence, holder, chunks.size());
                if (replacing.isPresent()) {
                    scores.plans().delete(replacing.getAsLong(), state.pendingHolder().orElseThrow(), state.pendingChunks());
                }
                committed = sequence;
            }
            if (mode == RecomputeMode.FULL) {
                scores.lease().windowsRolledUpTo(holder, today);
            }
            return new RecomputeReport(RecomputeReport.Outcome.DONE, mode, startedAt, clock.instant(), replayedPlan,
                    committed, ratingsRead, plan.marks().size(), plan.days().size(), plan.windows().size(),
                    seriesRolledOver, countsNotFound, plan.watermark(), null);
        }

        /** Writes out, to the end, the plan a run that died left committed. */
        private void finishPendingPlan() {
            long pending = state.pending().getAsLong();
            String author = state.pendingHolder().orElseThrow();
            RecomputePlan plan = PlanCodec.decode(scores.plans().load(pending, author, state.pendingChunks()));
            apply(plan);
            scores.lease().finish(holder, OptionalLong.of(pending), plan.watermark(), clock.instant(), plan.mode().label());
            scores.plans().delete(pending, author, state.pendingChunks());
            if (plan.mode() == RecomputeMode.FULL) {
                scores.lease().windowsRolledUpTo(holder, plan.asOf());
            }
            replayedPlan = pending;
            state = scores.lease().state();
        }

        /**
         * The first run of a day rolls up again the windows of every series that still has answers in a bounded
         * window: days have left those windows. A series whose bounded windows are all empty stays as it is.
         */
        private void rollOverStaleWindows() {
            List<Series> stale = new ArrayList<>();
            for (Scale scale : Scale.values()) {
                scores.windows().forEach(scale, stored -> {
                    if (stored.asOf().isBefore(today) && stored.hasAnswersInBoundedWindows()) {
                        stale.add(stored.series());
                    }
                });
            }
            List<SeriesWindows> rolled = new ArrayList<>();
            for (Series series : stale) {
                requireLeaseTime("rolling windows over to " + today);
                rolled.add(scored(series, Rollup.windows(series.scale(), scores.days().of(series), today), state.sequence()));
            }
            scores.windows().write(rolled);
            scores.lease().windowsRolledUpTo(holder, today);
            seriesRolledOver = rolled.size();
        }

        private RecomputePlan planIncremental(long sequence) {
            Instant watermark = state.watermark().orElseThrow();
            Instant readFrom = watermark.minus(overlap);
            Set<String> toRecount = new HashSet<>();
            Instant[] latestSeen = {readFrom};
            ratings.changedSince(readFrom, today, rating -> {
                ratingsRead++;
                if (rating.changedAt().isAfter(latestSeen[0])) {
                    latestSeen[0] = rating.changedAt();
                }
                if (rating.needsRecount()) {
                    toRecount.add(rating.surveyId());
                }
            });

            List<RatingChange> changes = new ArrayList<>();
            List<CountedScoreUpdate> marks = new ArrayList<>();
            for (Rating rating : ratings.current(toRecount).values()) {
                if (rating.needsRecount()) {
                    Integer before = rating.countedScore().orElse(null);
                    Integer now = rating.scoreToCount().orElse(null);
                    changes.add(new RatingChange(rating.surveyId(), rating.scale(), rating.teamId(), rating.agentId(),
                            rating.firstClickDay(), before, now));
                    marks.add(CountedScoreUpdate.moved(rating.surveyId(), rating.version(), before, now));
                }
            }

            scores.rosters().record(changes.stream().map(change -> new TeamMember(change.teamId(), change.agentId())).toList());
            DayChanges folded = new DayChanges(scores.days().of(daysOf(changes)));
            folded.applyAll(changes);
            reportMissing(folded);
            Map<DayKey, Histogram> days = folded.changedDays();
            Map<Series, Map<Window, Histogram>> windows = windowsAfter(folded);

            Instant caughtUpTo = latestSeen[0].isAfter(startedAt.minus(overlap)) ? latestSeen[0] : startedAt.minus(overlap);
            if (caughtUpTo.isAfter(startedAt)) {
                caughtUpTo = startedAt;
            }
            Instant newWatermark = caughtUpTo.isAfter(watermark) ? caughtUpTo : watermark;
            return new RecomputePlan(sequence, RecomputeMode.INCREMENTAL, today, newWatermark, marks, days, windows);
        }

        /**
         * Logs each count the changes could not take away: the day histograms and the ratings disagree there. The
         * run goes on, so that one such rating never keeps the others from being counted; a full rebuild recounts.
         */
        private void reportMissing(DayChanges folded) {
            for (DayChanges.MissingCount miss : folded.missing()) {
                LOG.warnf("%s survey=%s series=%s day=%s score=%d: the rating says this score is counted, its day "
                                + "histogram does not hold it; its new score is counted, a full rebuild recounts the day",
                        COUNT_NOT_FOUND_LOG_TERM, miss.surveyId(), miss.series(), miss.day(), miss.score());
            }
            countsNotFound += folded.missing().size();
        }

        /**
         * The windows of every series with a changed day: moved by the days' differences when stored as of today,
         * rolled up from the series' days otherwise (a new series, or one whose windows are as of an earlier day).
         */
        private Map<Series, Map<Window, Histogram>> windowsAfter(DayChanges folded) {
            Map<Series, SeriesWindows> stored = scores.windows().of(folded.changedSeries());
            Map<Series, Map<Window, Histogram>> windows = new HashMap<>();
            for (Series series : folded.changedSeries()) {
                SeriesWindows current = stored.get(series);
                Map<Window, Histogram> moved = null;
                if (current != null && current.asOf().equals(today)) {
                    try {
                        moved = folded.movedWindows(series, histograms(current), today);
                    } catch (IllegalArgumentException disagree) {
                        // the stored windows do not hold the days they sum: they are derived, so roll them up again
                        moved = null;
                    }
                }
                if (moved == null) {
                    SortedMap<LocalDate, Histogram> days = new TreeMap<>(scores.days().of(series));
                    folded.changedDays(series).forEach((day, histogram) -> {
                        if (histogram.isEmpty()) {
                            days.remove(day);
                        } else {
                            days.put(day, histogram);
                        }
                    });
                    moved = Rollup.windows(series.scale(), days, today);
                }
                windows.put(series, moved);
            }
            return windows;
        }

        /**
         * Counts the days younger than the retention from scratch, and takes older days as stored, moved by the
         * ratings still there whose count has to move (see the class comment).
         */
        private RecomputePlan planFullRebuild(long sequence) {
            LocalDate recountFrom = firstDayWithNoExpiredRating();
            Fold fold = new Fold();
            List<RatingChange> onKeptDays = new ArrayList<>();
            List<CountedScoreUpdate> marks = new ArrayList<>();
            Set<TeamMember> members = new HashSet<>();
            ratings.scan(rating -> {
                ratingsRead++;
                members.add(new TeamMember(rating.teamId(), rating.agentId()));
                Integer toCount = rating.scoreToCount().orElse(null);
                if (rating.firstClickDay().isBefore(recountFrom)) {
                    if (rating.needsRecount()) {
                        Integer before = rating.countedScore().orElse(null);
                        onKeptDays.add(new RatingChange(rating.surveyId(), rating.scale(), rating.teamId(),
                                rating.agentId(), rating.firstClickDay(), before, toCount));
                        marks.add(CountedScoreUpdate.moved(rating.surveyId(), rating.version(), before, toCount));
                    }
                    return;
                }
                fold.apply(RatingChange.firstCount(rating.surveyId(), rating.scale(), rating.teamId(),
                        rating.agentId(), rating.firstClickDay(), toCount));
                if (rating.needsRecount()) {
                    marks.add(CountedScoreUpdate.recounted(rating.surveyId(), rating.version(), toCount));
                }
            });
            scores.rosters().record(members);
            DayChanges kept = new DayChanges(scores.days().of(daysOf(onKeptDays)));
            kept.applyAll(onKeptDays);
            reportMissing(kept);

            Set<Series> allSeries = new HashSet<>(fold.series());
            allSeries.addAll(kept.changedSeries());
            for (Scale scale : Scale.values()) {
                scores.windows().forEach(scale, stored -> allSeries.add(stored.series()));
            }
            Map<DayKey, Histogram> days = new HashMap<>();
            Map<Series, Map<Window, Histogram>> windows = new HashMap<>();
            for (Series series : allSeries) {
                requireLeaseTime("comparing the days of " + series);
                SortedMap<LocalDate, Histogram> stored = scores.days().of(series);
                SortedMap<LocalDate, Histogram> counted = new TreeMap<>(stored.headMap(recountFrom));
                kept.changedDays(series).forEach((day, histogram) -> {
                    if (histogram.isEmpty()) {
                        counted.remove(day);
                    } else {
                        counted.put(day, histogram);
                    }
                });
                counted.putAll(fold.days(series));
                counted.forEach((day, histogram) -> {
                    if (!histogram.equals(stored.get(day))) {
                        days.put(series.on(day), histogram);
                    }
                });
                stored.keySet().stream().filter(day -> !counted.containsKey(day))
                        .forEach(day -> days.put(series.on(day), Histogram.empty(series.scale())));
                windows.put(series, Rollup.windows(series.scale(), counted, today));
            }
            Instant newWatermark = state.watermark().filter(startedAt::isBefore).orElse(startedAt);
            return new RecomputePlan(sequence, RecomputeMode.FULL, today, newWatermark, marks, days, windows);
        }

        /**
         * The first day none of whose ratings can have expired: a rating's time to live runs out the retention after
         * its last change, never sooner than the retention after its first click.
         */
        private LocalDate firstDayWithNoExpiredRating() {
            return startedAt.minus(retention).atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
        }

        /** Writes a committed plan out; every write in it may already have been made by an earlier attempt. */
        private void apply(RecomputePlan plan) {
            int written = 0;
            for (CountedScoreUpdate mark : plan.marks()) {
                if (written++ % MARKS_PER_LEASE_CHECK == 0) {
                    requireLeaseTime("marking the ratings of plan " + plan.sequence());
                }
                ratings.markCounted(mark);
            }
            requireLeaseTime("writing the days of plan " + plan.sequence());
            scores.days().write(plan.days(), plan.sequence());
            Instant computedAt = clock.instant();
            List<SeriesWindows> windows = new ArrayList<>();
            plan.windows().forEach((series, histograms) ->
                    windows.add(scored(series, histograms, plan.sequence(), plan.asOf(), computedAt)));
            scores.windows().write(windows);
        }

        private SeriesWindows scored(Series series, Map<Window, Histogram> histograms, long plan) {
            return scored(series, histograms, plan, today, clock.instant());
        }

        private SeriesWindows scored(Series series, Map<Window, Histogram> histograms, long plan, LocalDate asOf,
                                     Instant computedAt) {
            Map<Window, WindowScore> scored = new EnumMap<>(Window.class);
            histograms.forEach((window, histogram) ->
                    scored.put(window, new WindowScore(histogram, metrics.compute(histogram))));
            return new SeriesWindows(series, asOf, computedAt, plan, scored);
        }

        /**
         * Stops the run while its lease still has a fifth of its time left, so that it never writes after another
         * run may have taken over.
         */
        private void requireLeaseTime(String step) {
            if (clock.instant().isAfter(leaseUntil.minus(lease.dividedBy(5)))) {
                throw new LeaseLost(holder, step);
            }
        }
    }

    /** The day histograms the changes fall on. */
    private static Set<DayKey> daysOf(List<RatingChange> changes) {
        Set<DayKey> touched = new HashSet<>();
        for (RatingChange change : changes) {
            for (Dimension dimension : change.dimensions()) {
                touched.add(new DayKey(dimension, change.scale(), change.day()));
            }
        }
        return touched;
    }

    private static Map<Window, Histogram> histograms(SeriesWindows windows) {
        Map<Window, Histogram> histograms = new EnumMap<>(Window.class);
        windows.windows().forEach((window, score) -> histograms.put(window, score.histogram()));
        return histograms;
    }
}
