package io.ratelink.score;

import io.ratelink.survey.Band;
import io.ratelink.survey.Scale;

import java.util.Arrays;
import java.util.Objects;

/**
 * How many answers each point of one scale received: an immutable value.
 *
 * <p>Histograms are mergeable ({@link #plus}), so every window is the sum of its days and every
 * metric is derived from one histogram. Counts are never negative: a subtraction that would take a
 * point below zero is refused, because it means the counts and the ratings they were taken from
 * disagree. For folding many answers, use an {@link Accumulator} and take a {@link Accumulator#snapshot()}.
 */
public final class Histogram {

    private final Scale scale;
    private final long[] counts;
    private final long total;

    private Histogram(Scale scale, long[] counts, long total) {
        this.scale = scale;
        this.counts = counts;
        this.total = total;
    }

    public static Histogram empty(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return new Histogram(scale, new long[scale.size()], 0);
    }

    /**
     * A histogram from its counts, one per point in order from {@link Scale#min()} to {@link Scale#max()}.
     *
     * @throws IllegalArgumentException if there is not exactly one count per point or a count is negative
     */
    public static Histogram of(Scale scale, long... countsPerPoint) {
        Objects.requireNonNull(scale, "scale");
        if (countsPerPoint.length != scale.size()) {
            throw new IllegalArgumentException(scale + " has " + scale.size() + " points, got "
                    + countsPerPoint.length + " counts");
        }
        long total = 0;
        for (int i = 0; i < countsPerPoint.length; i++) {
            if (countsPerPoint[i] < 0) {
                throw new IllegalArgumentException("negative count " + countsPerPoint[i] + " at point "
                        + (scale.min() + i) + " of " + scale);
            }
            total = Math.addExact(total, countsPerPoint[i]);
        }
        return new Histogram(scale, countsPerPoint.clone(), total);
    }

    /**
     * A histogram of the counts at {@code source[from]} … {@code source[from + scale.size() - 1]}, copied;
     * for folds that keep many histograms in one array. The counts must not be negative.
     */
    static Histogram copyOfRange(Scale scale, long[] source, int from) {
        long[] counts = Arrays.copyOfRange(source, from, from + scale.size());
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return new Histogram(scale, counts, total);
    }

    /** Takes this histogram's counts, point by point, from {@code sums}: for sums kept as plain arrays. */
    void subtractFrom(long[] sums) {
        for (int i = 0; i < counts.length; i++) {
            sums[i] -= counts[i];
        }
    }

    /** The histogram of a list of answers, each a point of the scale. */
    public static Histogram ofAnswers(Scale scale, int... points) {
        Accumulator accumulator = new Accumulator(scale);
        for (int point : points) {
            accumulator.add(point, 1);
        }
        return accumulator.snapshot();
    }

    public Scale scale() {
        return scale;
    }

    /** The number of answers at a point of the scale. */
    public long count(int point) {
        return counts[indexOf(scale, point)];
    }

    /** The number of answers, n. */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** The number of answers in a band of the scale's raw points; none in an empty band. */
    public long countIn(Band band) {
        long count = 0;
        for (int i = 0; i < counts.length; i++) {
            if (band.contains(scale.min() + i)) {
                count += counts[i];
            }
        }
        return count;
    }

    /** The counts, one per point from {@link Scale#min()} to {@link Scale#max()}; a copy. */
    public long[] counts() {
        return counts.clone();
    }

    /** The answers of both histograms together. */
    public Histogram plus(Histogram other) {
        requireSameScale(other);
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new Histogram(scale, sum, total + other.total);
    }

    /** This histogram with {@code n} more answers at {@code point}. */
    public Histogram add(int point, long n) {
        return toAccumulator().add(point, n).snapshot();
    }

    /**
     * This histogram with {@code n} answers fewer at {@code point}.
     *
     * @throws IllegalArgumentException if fewer than {@code n} answers are counted at {@code point}
     */
    public Histogram subtract(int point, long n) {
        return toAccumulator().subtract(point, n).snapshot();
    }

    /** A mutable copy to keep counting on. */
    public Accumulator toAccumulator() {
        return new Accumulator(scale).addAll(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram that && scale == that.scale && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * scale.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + scale + " " + Arrays.toString(counts) + " n=" + total + "]";
    }

    private void requireSameScale(Histogram other) {
        if (other.scale != scale) {
            throw new IllegalArgumentException("cannot merge a " + other.scale + " histogram into a " + scale + " one");
        }
    }

    private static int indexOf(Scale scale, int point) {
        if (!scale.isValid(point)) {
            throw new IllegalArgumentException(point + " is not a point of " + scale);
        }
        return point - scale.min();
    }

    /**
     * A histogram being counted: the mutable side of {@link Histogram}, for folding many answers
     * without allocating a histogram per answer. Not thread-safe.
     */
    public static final class Accumulator {

        private final Scale scale;
        private final long[] counts;
        private long total;

        public Accumulator(Scale scale) {
            this.scale = Objects.requireNonNull(scale, "scale");
            this.counts = new long[scale.size()];
        }

        /** The number of answers counted so far at a point of the scale. */
        public long count(int point) {
            return counts[indexOf(scale, point)];
        }

        /** Counts {@code n} more answers at {@code point}. */
        public Accumulator add(int point, long n) {
            requireNonNegative(n);
            int index = indexOf(scale, point);
            counts[index] = Math.addExact(counts[index], n);
            total += n;
            return this;
        }

        /**
         * Takes {@code n} answers away from {@code point}.
         *
         * @throws IllegalArgumentException if fewer than {@code n} answers are counted at {@code point};
         *                                  nothing is changed then
         */
        public Accumulator subtract(int point, long n) {
            requireNonNegative(n);
            int index = indexOf(scale, point);
            if (counts[index] < n) {
                throw new IllegalArgumentException("cannot take " + n + " answers from point " + point + " of "
                        + scale + ": only " + counts[index] + " counted");
            }
            counts[index] -= n;
            total -= n;
            return this;
        }

        /** Counts every answer of a histogram of the same scale. */
        public Accumulator addAll(Histogram histogram) {
            if (histogram.scale != scale) {
                throw new IllegalArgumentException("cannot merge a " + histogram.scale + " histogram into a "
                        + scale + " one");
            }
            for (int i = 0; i < counts.length; i++) {
                counts[i] += histogram.counts[i];
            }
            total += histogram.total;
            return this;
        }

        /** Adds the counts so far, point by point, to {@code sums}: for sums kept as plain arrays. */
        void addTo(long[] sums) {
            for (int i = 0; i < counts.length; i++) {
                sums[i] += counts[i];
            }
        }

        /** The counts so far, as an immutable histogram that later counting does not change. */
        public Histogram snapshot() {
            return new Histogram(scale, counts.clone(), total);
        }

        private static void requireNonNegative(long n) {
            if (n < 0) {
                throw new IllegalArgumentException("a number of answers cannot be negative: " + n);
            }
        }
    }
}
