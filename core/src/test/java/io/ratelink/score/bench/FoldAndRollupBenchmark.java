package io.ratelink.score.bench;

import io.ratelink.score.DayChanges;
import io.ratelink.score.DayKey;
import io.ratelink.score.Fold;
import io.ratelink.score.Histogram;
import io.ratelink.score.RatingChange;
import io.ratelink.score.Rollup;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The aggregation core against its targets: 1,000,000 ratings folded into day histograms and
 * rolled up into every window of every dimension in at most 1 s; 1,000 changes on top of them at most
 * 1/100 of that. Two incremental variants: rolling every touched series up again from its days, and moving
 * the stored windows by the changed days' differences (what the recompute does within a day).
 *
 * <p>Storage is out of the picture: the stored day histograms are a map in memory. Run with
 * {@code ./mvnw -B -pl core -am -Pbench -DskipTests verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class FoldAndRollupBenchmark {

    private static final int RATINGS = 1_000_000;
    private static final int CHANGES = 1_000;
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private List<RatingChange> ratings;
    private List<RatingChange> changes;
    private Map<Series, SortedMap<LocalDate, Histogram>> storedDays;
    private Map<Series, Map<Window, Histogram>> storedWindows;
    /** The stored day histograms as a table keyed like the scores table's items: one lookup per day. */
    private Map<DayKey, Histogram> storedDayHistograms;

    @Setup(Level.Trial)
    public void generateRatings() {
        RatingMix mix = new RatingMix(AS_OF);
        ratings = mix.firstCounts(RATINGS, 20251231L);
        changes = mix.changes(ratings, CHANGES, 42L);
        Fold rebuilt = Fold.rebuild(ratings);
        storedDays = new HashMap<>();
        for (Series series : rebuilt.series()) {
            storedDays.put(series, rebuilt.days(series));
        }
        storedWindows = Rollup.windows(rebuilt, rebuilt.series(), AS_OF);
        storedDayHistograms = rebuilt.dayHistograms();
    }

    /** A full rebuild, warmed up: every rating folded from nothing, every window of every series rolled up. */
    @Benchmark
    public Map<Series, Map<Window, Histogram>> fullRebuild() {
        Fold fold = Fold.rebuild(ratings);
        return Rollup.windows(fold, fold.series(), AS_OF);
    }

    /** The same full rebuild in a fresh JVM, run once: what a cold Lambda would see, JIT compilation included. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Map<Series, Map<Window, Histogram>> fullRebuildCold() {
        return fullRebuild();
    }

    /**
     * An incremental run: load the stored histograms of the days the 1,000 changes fall on, fold the
     * changes, and roll up again every series they touched from its stored days with the changed ones
     * written over them.
     */
    @Benchmark
    public Map<Series, Map<Window, Histogram>> thousandChangesOnAMillionRatings() {
        Map<DayKey, Histogram> loaded = new HashMap<>();
        for (RatingChange change : changes) {
            for (var dimension : change.dimensions()) {
                Series series = new Series(dimension, change.scale());
                Histogram stored = storedDays.getOrDefault(series, new TreeMap<>()).get(change.day());
                if (stored != null) {
                    loaded.put(series.on(change.day()), stored);
                }
            }
        }
        Fold fold = Fold.startingFrom(loaded);
        fold.applyAll(changes);

        Map<Series, Set<DayKey>> changedDaysBySeries = new HashMap<>();
        for (DayKey day : fold.changedDays()) {
            changedDaysBySeries.computeIfAbsent(day.series(), series -> new HashSet<>()).add(day);
        }
        Map<Series, Map<Window, Histogram>> rolledUp = new HashMap<>();
        changedDaysBySeries.forEach((series, changedDays) -> {
            SortedMap<LocalDate, Histogram> days = new TreeMap<>(storedDays.getOrDefault(series, new TreeMap<>()));
            for (DayKey day : changedDays) {
                Histogram histogram = fold.histogram(day);
                if (histogram.isEmpty()) {
                    days.remove(day.day());
                } else {
                    days.put(day.day(), histogram);
                }
            }
            rolledUp.put(series, Rollup.windows(series.scale(), days, AS_OF));
        });
        return rolledUp;
    }

    /**
     * The incremental run as the recompute does it on the same day as the stored windows: fold the 1,000 changes
     * onto the stored histograms of the days they fall on ({@link DayChanges} reads just those from the stored
     * days), and move the stored windows of every touched series by the changed days' differences. No series is
     * rolled up from its days.
     */
    @Benchmark
    public Map<Series, Map<Window, Histogram>> thousandChangesMovingTheStoredWindows() {
        DayChanges folded = new DayChanges(storedDayHistograms);
        folded.applyAll(changes);

        Map<Series, Map<Window, Histogram>> moved = new HashMap<>();
        for (Series series : folded.changedSeries()) {
            moved.put(series, folded.movedWindows(series, storedWindows.getOrDefault(series, Map.of()), AS_OF));
        }
        return moved;
    }
}
