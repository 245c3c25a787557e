package io.ratelink.dashboard;

import io.ratelink.score.Metric;
import io.ratelink.score.ScoreChange;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order of a table of teams or agents. Whatever the column and direction, a row from a low sample never ranks
 * above a row from a solid sample: a team with three glowing answers is not above one with three hundred good ones.
 * Rows without a number go last in both groups; ties fall back to the id.
 */
public final class Ranking {

    /** What a table is sorted by. */
    public enum SortKey {
        SCORE("score"), N("n"), CHANGE("change");

        private final String param;

        SortKey(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        public static Optional<SortKey> parse(String value) {
            for (SortKey key : values()) {
                if (key.param.equals(value)) {
                    return Optional.of(key);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One row of the table.
     *
     * @param id     the team's or agent's id
     * @param score  the headline number over the period
     * @param change against the previous period
     */
    public record Row(String id, Metric score, ScoreChange change) {

        public boolean lowSample() {
            return score.lowSample();
        }
    }

    private Ranking() {
    }

    public static List<Row> sort(List<Row> rows, SortKey key, boolean descending) {
        Function<Row, Double> value = switch (key) {
            case SCORE -> row -> row.score().value();
            case N -> row -> (double) row.score().n();
            case CHANGE -> row -> row.change().delta();
        };
        Comparator<Double> numbers = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<Row> order = Comparator.comparing(Row::lowSample)
                .thenComparing(value, Comparator.nullsLast(numbers))
                .thenComparing(Row::id);
        return rows.stream().sorted(order).toList();
    }
}
