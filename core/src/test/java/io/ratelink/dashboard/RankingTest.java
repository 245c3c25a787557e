package io.ratelink.dashboard;

import io.ratelink.score.Metric;
import io.ratelink.score.ScoreChange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static Ranking.Row row(String id, Double score, long n, boolean lowSample, Double delta) {
        return new Ranking.Row(id, new Metric(score, n, null, null, lowSample),
                new ScoreChange(ScoreChange.Verdict.NO_CLEAR_CHANGE, delta));
    }

    private final List<Ranking.Row> rows = List.of(
            row("tiny-perfect", 100.0, 3, true, 40.0),
            row("solid-good", 85.0, 300, false, 2.0),
            row("solid-poor", 60.0, 120, false, -5.0),
            row("silent", null, 0, true, null),
            row("solid-unknown-change", 70.0, 50, false, null));

    @Test
    void aLowSampleNeverRanksAboveASolidOneWhateverTheColumnOrDirection() {
        for (Ranking.SortKey key : Ranking.SortKey.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                List<String> order = Ranking.sort(rows, key, descending).stream().map(Ranking.Row::id).toList();
                assertThat(order.subList(3, 5)).as(key + " " + descending).containsExactlyInAnyOrder("tiny-perfect", "silent");
            }
        }
    }

    @Test
    void rowsAreSortedByScoreNOrChangeAndRowsWithoutANumberGoLast() {
        assertThat(Ranking.sort(rows, Ranking.SortKey.SCORE, true)).extracting(Ranking.Row::id)
                .containsExactly("solid-good", "solid-unknown-change", "solid-poor", "tiny-perfect", "silent");
        assertThat(Ranking.sort(rows, Ranking.SortKey.SCORE, false)).extracting(Ranking.Row::id)
                .containsExactly("solid-poor", "solid-unknown-change", "solid-good", "tiny-perfect", "silent");
        assertThat(Ranking.sort(rows, Ranking.SortKey.N, true)).extracting(Ranking.Row::id)
                .containsExactly("solid-good", "solid-poor", "solid-unknown-change", "tiny-perfect", "silent");
        assertThat(Ranking.sort(rows, Ranking.SortKey.CHANGE, false)).extracting(Ranking.Row::id)
                .containsExactly("solid-poor", "solid-good", "solid-unknown-change", "tiny-perfect", "silent");
    }
}
