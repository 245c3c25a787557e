package io.ratelink.score;

/**
 * One number derived from a histogram, with what it takes to read it honestly: how many answers it
 * comes from and its 95 % interval.
 *
 * @param value     the number; {@code null} when there are no answers to derive it from
 * @param n         how many answers it comes from
 * @param low       the lower end of its 95 % interval; {@code null} when there is no interval
 * @param high      the upper end of its 95 % interval; {@code null} when there is no interval
 * @param lowSample whether it comes from fewer answers than the configured minimum sample: shown, but not
 *                  as a solid number
 */
public record Metric(Double value, long n, Double low, Double high, boolean lowSample) {

    public Metric {
        if (n < 0) {
            throw new IllegalArgumentException("a sample size cannot be negative: " + n);
        }
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("an interval needs both ends, got [" + low + ", " + high + "]");
        }
        if (value == null && low != null) {
            throw new IllegalArgumentException("an interval without a value");
        }
        if (low != null && low > high) {
            throw new IllegalArgumentException("an interval's low end is above its high end: [" + low + ", " + high + "]");
        }
    }

    /** A number that cannot be derived because there are no answers. */
    public static Metric absent(boolean lowSample) {
        return new Metric(null, 0, null, null, lowSample);
    }

    public boolean hasValue() {
        return value != null;
    }

    public boolean hasInterval() {
        return low != null;
    }
}
