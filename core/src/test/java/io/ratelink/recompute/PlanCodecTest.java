package io.ratelink.recompute;

import io.ratelink.rating.CountedScoreUpdate;
import io.ratelink.score.DayKey;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCodecTest {

    private static final LocalDate DAY = LocalDate.of(2025, 4, 1);

    @Test
    void aPlanReadsBackAsItWasWrittenWithScoresCountedNowhere() {
        Series team = new Series(Dimension.team("t:1"), Scale.PMF);
        Map<Window, Histogram> windows = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            windows.put(window, Histogram.ofAnswers(Scale.PMF, 1, 3, 3));
        }
        RecomputePlan plan = new RecomputePlan(42, RecomputeMode.INCREMENTAL, DAY, Instant.parse("2025-04-01T08:00:00Z"),
                List.of(CountedScoreUpdate.moved("s1", 3, null, 3), CountedScoreUpdate.moved("s2", 9, 2, null),
                        CountedScoreUpdate.recounted("s3", 1, 1)),
                Map.of(team.on(DAY), Histogram.ofAnswers(Scale.PMF, 1, 3, 3), team.on(DAY.minusDays(3)), Histogram.empty(Scale.PMF)),
                Map.of(team, windows));

        List<byte[]> chunks = PlanCodec.encode(plan);

        assertThat(chunks).hasSize(1);
        assertThat(PlanCodec.decode(chunks)).isEqualTo(plan);
    }

    @Test
    void aLargePlanIsCutIntoItemsThatEachFitAndJoinedAgain() {
        Random random = new Random(7);
        Map<DayKey, Histogram> days = new HashMap<>();
        for (int agent = 0; agent < 600; agent++) {
            for (int day = 0; day < 40; day++) {
                long[] counts = new long[Scale.NPS.size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = random.nextInt(1_000_000);
                }
                days.put(new DayKey(Dimension.agent("agent-" + agent), Scale.NPS, DAY.minusDays(day)), Histogram.of(Scale.NPS, counts));
            }
        }
        RecomputePlan plan = new RecomputePlan(1, RecomputeMode.FULL, DAY, Instant.EPOCH, List.of(), days, Map.of());

        List<byte[]> chunks = PlanCodec.encode(plan);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> assertThat(chunk.length).isLessThanOrEqualTo(PlanCodec.CHUNK_BYTES));
        assertThat(PlanCodec.decode(chunks)).isEqualTo(plan);
    }
}
