package io.ratelink.score;

import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Day histograms, keyed by (dimension, scale, day), and the rating changes folded into them.
 *
 * <p>Folding a {@link RatingChange} takes one answer away from the point counted before and adds one at
 * the point to count now, in the day histogram of each of the rating's three dimensions. The
 * incremental path {@linkplain #startingFrom starts from} the stored histograms of the days its changes
 * fall on and folds only what changed since it last ran; a {@linkplain #rebuild full rebuild} folds
 * every rating from nothing. Both give the same histograms, to the count, as long as each change names
 * the score that was counted before it.
 *
 * <p>A full rebuild folds every rating there is, so the counts are laid out for it: the days of one
 * series share one array per calendar year, and a rating finds its three arrays with one lookup. Folding
 * then touches a few megabytes of memory instead of hundreds of thousands of small objects.
 *
 * <p>Not thread-safe: one recompute owns one fold.
 */
public final class Fold {

    private final Map<Series, SeriesDays> seriesDays = new HashMap<>();
    /** The three series a rating is counted in, by what the rating carries: one lookup instead of three. */
    private final Map<Route, SeriesDays[]> routes = new HashMap<>();

    /** A fold with nothing counted yet. */
    public Fold() {
    }

    /**
     * A fold that continues from histograms counted before, typically the stored histograms of the days
     * the next changes fall on. Loading a histogram does not mark its day as changed.
     */
    public static Fold startingFrom(Map<DayKey, Histogram> counted) {
        Fold fold = new Fold();
        counted.forEach((key, histogram) -> {
            if (histogram.scale() != key.scale()) {
                throw new IllegalArgumentException(key + " holds a " + histogram.scale() + " histogram");
            }
            fold.seriesDays.computeIfAbsent(key.series(), SeriesDays::new).load(key.day(), histogram);
        });
        return fold;
    }

    /**
     * Counts every rating from nothing: the score previously counted in each change is ignored, its score
     * to count is counted.
     */
    public static Fold rebuild(Iterable<RatingChange> ratings) {
        Fold fold = new Fold();
        for (RatingChange rating : ratings) {
            fold.apply(rating.fromScratch());
        }
        return fold;
    }

    /**
     * Moves the rating's answer from the point counted before to the point to count now, in its
     * organisation's, team's and agent's histogram of its day. Either all three move or none does.
     *
     * @throws IllegalStateException if the score counted before is not in one of the three histograms:
     *                               the histograms and the ratings disagree, and only a full rebuild
     *                               can say which is right
     */
    public void apply(RatingChange change) {
        if (change.changesNothing()) {
            return;
        }
        Integer previous = change.previouslyCounted();
        if (previous != null) {
            requireCounted(change, previous);
        }
        for (SeriesDays series : seriesOf(change)) {
            series.move(change.day(), previous, change.toCount());
        }
    }

    public void applyAll(Iterable<RatingChange> changes) {
        for (RatingChange change : changes) {
            apply(change);
        }
    }

    /** The histogram of one day; empty if nothing is counted there. */
    public Histogram histogram(DayKey key) {
        SeriesDays days = seriesDays.get(key.series());
        return days == null ? Histogram.empty(key.scale()) : days.histogram(key.day());
    }

    /** Every series that has a day histogram, counted or emptied. */
    public Set<Series> series() {
        return Collections.unmodifiableSet(seriesDays.keySet());
    }

    /** The series with at least one day {@linkplain #changedDays() changed}: those whose windows are stale. */
    public Set<Series> changedSeries() {
        Set<Series> changed = new HashSet<>();
        seriesDays.forEach((series, days) -> {
            if (days.hasChangedDays()) {
                changed.add(series);
            }
        });
        return changed;
    }

    /** The days of one series that have answers counted, in order, as histograms that later folds do not change. */
    public SortedMap<LocalDate, Histogram> days(Series series) {
        SortedMap<LocalDate, Histogram> days = new TreeMap<>();
        SeriesDays counted = seriesDays.get(series);
        if (counted != null) {
            counted.forEachCountedDay(days::put);
        }
        return days;
    }

    /**
     * Every day histogram with answers counted. A day whose answers all moved away is left out, so an
     * incremental fold and a full rebuild of the same ratings give equal maps.
     */
    public Map<DayKey, Histogram> dayHistograms() {
        Map<DayKey, Histogram> histograms = new HashMap<>();
        seriesDays.forEach((series, days) ->
                days.forEachCountedDay((day, histogram) -> histograms.put(series.on(day), histogram)));
        return histograms;
    }

    /**
     * The days whose histogram folding changed, including those it emptied: what must be written back.
     * A change of mind and its reversal in one fold still mark the day.
     */
    public Set<DayKey> changedDays() {
        Set<DayKey> changed = new HashSet<>();
        seriesDays.forEach((series, days) -> days.forEachChangedDay(day -> changed.add(series.on(day))));
        return changed;
    }

    private void requireCounted(RatingChange change, int previous) {
        for (Dimension dimension : change.dimensions()) {
            SeriesDays days = seriesDays.get(new Series(dimension, change.scale()));
            if (days == null || days.count(change.day(), previous) < 1) {
                throw new IllegalStateException("survey " + change.surveyId() + ": its previously counted score "
                        + previous + " is not counted in " + dimension + " " + change.scale() + " " + change.day()
                        + "; the day histograms and the ratings disagree, a full rebuild recounts them");
            }
        }
    }

    private SeriesDays[] seriesOf(RatingChange change) {
        Route route = new Route(change.scale(), change.teamId(), change.agentId());
        SeriesDays[] series = routes.get(route);
        if (series == null) {
            List<Dimension> dimensions = change.dimensions();
            series = new SeriesDays[dimensions.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = seriesDays.computeIfAbsent(new Series(dimensions.get(i), change.scale()), SeriesDays::new);
            }
            routes.put(route, series);
        }
        return series;
    }

    /** Where a rating is counted: its scale, team and agent. */
    private record Route(Scale scale, String teamId, String agentId) {
    }

    /** The day counts of one series, one {@link YearBlock} per calendar year, in order of years. */
    private static final class SeriesDays {

        private final Scale scale;
        private YearBlock[] years = new YearBlock[0];
        private YearBlock lastUsed;

        SeriesDays(Series series) {
            this.scale = series.scale();
        }

        void move(LocalDate day, Integer previous, Integer toCount) {
            YearBlock year = yearOf(day.getYear());
            int offset = (day.getDayOfYear() - 1) * scale.size() - scale.min();
            if (previous != null) {
                year.counts[offset + previous]--;
            }
            if (toCount != null) {
                year.counts[offset + toCount]++;
            }
            year.markChanged(day.getDayOfYear() - 1);
        }

        void load(LocalDate day, Histogram histogram) {
            YearBlock year = yearOf(day.getYear());
            int offset = (day.getDayOfYear() - 1) * scale.size() - scale.min();
            for (int point = scale.min(); point <= scale.max(); point++) {
                year.counts[offset + point] += histogram.count(point);
            }
        }

        long count(LocalDate day, int point) {
            YearBlock year = find(day.getYear());
            return year == null ? 0 : year.counts[(day.getDayOfYear() - 1) * scale.size() + point - scale.min()];
        }

        Histogram histogram(LocalDate day) {
            YearBlock year = find(day.getYear());
            return year == null
                    ? Histogram.empty(scale)
                    : Histogram.copyOfRange(scale, year.counts, (day.getDayOfYear() - 1) * scale.size());
        }

        boolean hasChangedDays() {
            for (YearBlock year : years) {
                if (year.hasChangedDays()) {
                    return true;
                }
            }
            return false;
        }

        void forEachCountedDay(BiConsumer<LocalDate, Histogram> consumer) {
            for (YearBlock year : years) {
                for (int dayIndex = 0; dayIndex < YearBlock.DAYS; dayIndex++) {
                    int from = dayIndex * scale.size();
                    if (hasAnswers(year.counts, from)) {
                        consumer.accept(LocalDate.ofYearDay(year.year, dayIndex + 1),
                                Histogram.copyOfRange(scale, year.counts, from));
                    }
                }
            }
        }

        void forEachChangedDay(Consumer<LocalDate> consumer) {
            for (YearBlock year : years) {
                for (int dayIndex = 0; dayIndex < YearBlock.DAYS; dayIndex++) {
                    if (year.isChanged(dayIndex)) {
                        consumer.accept(LocalDate.ofYearDay(year.year, dayIndex + 1));
                    }
                }
            }
        }

        private boolean hasAnswers(long[] counts, int from) {
            for (int i = from; i < from + scale.size(); i++) {
                if (counts[i] != 0) {
                    return true;
                }
            }
            return false;
        }

        private YearBlock yearOf(int year) {
            YearBlock found = find(year);
            if (found == null) {
                found = new YearBlock(year, scale.size());
                YearBlock[] grown = Arrays.copyOf(years, years.length + 1);
                grown[years.length] = found;
                Arrays.sort(grown, (a, b) -> Integer.compare(a.year, b.year));
                years = grown;
                lastUsed = found;
            }
            return found;
        }

        private YearBlock find(int year) {
            if (lastUsed != null && lastUsed.year == year) {
                return lastUsed;
            }
            for (YearBlock candidate : years) {
                if (candidate.year == year) {
                    lastUsed = candidate;
                    return candidate;
                }
            }
            return null;
        }
    }

    /**
     * The counts of one series for one calendar year: the histogram of day-of-year {@code d} (from 1) at
     * {@code counts[(d - 1) * points]}, and one bit per day saying whether folding changed it.
     */
    private static final class YearBlock {

        static final int DAYS = 366;

        private final int year;
        private final long[] counts;
        private final long[] changed = new long[(DAYS + 63) / 64];

        YearBlock(int year, int points) {
            this.year = year;
            this.counts = new long[DAYS * points];
        }

        void markChanged(int dayIndex) {
            changed[dayIndex >>> 6] |= 1L << dayIndex;
        }

        boolean isChanged(int dayIndex) {
            return (changed[dayIndex >>> 6] & (1L << dayIndex)) != 0;
        }

        boolean hasChangedDays() {
            for (long bits : changed) {
                if (bits != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
