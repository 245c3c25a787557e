package io.ratelink.recompute;

import io.ratelink.escalate.RecentScore;
import io.ratelink.score.Metric;
import io.ratelink.score.ScaleScore;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentRecentScoresTest {

    @Test
    void theEmailShowsTheHeadlineMetricOfTheAgentsLast30Days() {
        ScaleScore score = new ScaleScore("agent:ana", Scale.CSAT_5, "30d", LocalDate.of(2026, 11, 23), 37,
                Map.of(1, 3L, 5, 34L),
                Map.of("csat", new Metric(78.4, 37, 62.5, 88.6, false), "mean", new Metric(4.2, 37, 3.9, 4.5, false)),
                new ScaleScore.Interval("csat", 62.5, 88.6), false, Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(AgentRecentScores.headline(score))
                .contains(new RecentScore(Scale.CSAT_5, "csat", 78.4, 37, "30d"));
    }

    @Test
    void anAgentWithoutAnswersInTheWindowHasNoRecentScore() {
        ScaleScore none = new ScaleScore("agent:new", Scale.NPS, "30d", LocalDate.of(2026, 11, 23), 0, Map.of(),
                Map.of(), null, true, null);

        assertThat(AgentRecentScores.headline(none)).isEmpty();
    }
}
