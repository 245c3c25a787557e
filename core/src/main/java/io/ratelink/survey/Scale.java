package io.ratelink.survey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The scale catalogue: every question ratelink can ask, its points, its direction, and which answers are
 * low (they escalate) and positive (they count towards CSAT, "easy" and promoters).
 *
 * <p>Bands are given on the scale's own numbering. Questions and point labels live in the message
 * bundle under {@code scale.<NAME>.question} and {@code scale.<NAME>.<point>}; the symbols here are
 * the same in every language.
 */
public enum Scale {
    CSAT_5(Family.CSAT, 1, 5, Direction.HIGHER_IS_BETTER, Band.of(1, 2), Band.of(4, 5),
            List.of("★", "★★", "★★★", "★★★★", "★★★★★")),
    CSAT_3(Family.CSAT, 1, 3, Direction.HIGHER_IS_BETTER, Band.of(1, 1), Band.of(3, 3),
            List.of("😞", "😐", "😀")),
    THUMBS(Family.CSAT, 0, 1, Direction.HIGHER_IS_BETTER, Band.of(0, 0), Band.of(1, 1),
            List.of("👎", "👍")),
    CES_7(Family.CES, 1, 7, Direction.HIGHER_IS_BETTER, Band.of(1, 3), Band.of(5, 7), numbers(1, 7)),
    CES_5(Family.CES, 1, 5, Direction.HIGHER_IS_BETTER, Band.of(1, 2), Band.of(4, 5), numbers(1, 5)),
    CES_10(Family.CES, 1, 10, Direction.HIGHER_IS_BETTER, Band.of(1, 3), Band.of(7, 10), numbers(1, 10)),
    /** The original effort question, asked the other way round: 1 = very low effort is best. */
    CES_EFFORT_5(Family.CES, 1, 5, Direction.LOWER_IS_BETTER, Band.of(4, 5), Band.of(1, 2), numbers(1, 5)),
    NPS(Family.NPS, 0, 10, Direction.HIGHER_IS_BETTER, Band.of(0, 6), Band.of(9, 10), numbers(0, 10)),
    PMF(Family.PMF, 1, 3, Direction.HIGHER_IS_BETTER, Band.NONE, Band.of(3, 3),
            List.of("🙂", "😕", "😫"));

    /** What a scale measures, which decides the metrics derived from it. */
    public enum Family { CSAT, CES, NPS, PMF }

    private final Family family;
    private final int min;
    private final int max;
    private final Direction direction;
    private final Band low;
    private final Band positive;
    private final List<String> symbols;

    Scale(Family family, int min, int max, Direction direction, Band low, Band positive, List<String> symbols) {
        this.family = family;
        this.min = min;
        this.max = max;
        this.direction = direction;
        this.low = low;
        this.positive = positive;
        this.symbols = symbols;
    }

    public static Optional<Scale> parse(String name) {
        return Arrays.stream(values()).filter(scale -> scale.name().equals(name)).findFirst();
    }

    public Family family() {
        return family;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public int size() {
        return max - min + 1;
    }

    public Direction direction() {
        return direction;
    }

    public Band lowBand() {
        return low;
    }

    public Band positiveBand() {
        return positive;
    }

    /** The points in the order they are shown: worst first for higher-is-better scales, as asked otherwise. */
    public List<Integer> points() {
        return IntStream.rangeClosed(min, max).boxed().toList();
    }

    public boolean isValid(int point) {
        return point >= min && point <= max;
    }

    public boolean isLow(int point) {
        return low.contains(point);
    }

    public boolean isPositive(int point) {
        return positive.contains(point);
    }

    /** The point as if the scale ran from worst ({@link #min()}) to best ({@link #max()}). */
    public int normalize(int point) {
        return direction == Direction.HIGHER_IS_BETTER ? point : min + max - point;
    }

    /** The face, stars, thumb or number shown for a point, the same in every language. */
    public String symbol(int point) {
        return symbols.get(point - min);
    }

    /** Whether the options are stars, drawn as a row of them. */
    public boolean isStars() {
        return this == CSAT_5;
    }

    /** Whether the symbol carries the meaning (faces, stars) or is only a number that needs its label. */
    public boolean isPictorial() {
        return family == Family.CSAT || family == Family.PMF;
    }

    public String questionKey() {
        return "scale." + name() + ".question";
    }

    public String labelKey(int point) {
        return "scale." + name() + "." + point;
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }
}
