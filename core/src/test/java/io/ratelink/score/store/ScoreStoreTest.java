package io.ratelink.score.store;

import io.ratelink.score.DayKey;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreStoreTest {

    private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private final DynamoDbClient dynamo = LocalDynamo.client();
    private final ScoreStore store = new ScoreStore(dynamo, LocalDynamo.freshTables(dynamo).scores());

    @AfterEach
    void close() {
        dynamo.close();
    }

    @Test
    void dayHistogramsAreReadBackByKeyAndBySeriesAndAnEmptyOneRemovesTheDay() {
        Series team = new Series(Dimension.team("support:emea"), Scale.NPS);
        Histogram answers = Histogram.ofAnswers(Scale.NPS, 0, 6, 9, 10, 10);
        store.days().write(Map.of(team.on(DAY), answers, team.on(DAY.minusDays(1)), Histogram.ofAnswers(Scale.NPS, 7)), 1);

        assertThat(store.days().of(List.of(team.on(DAY), team.on(DAY.plusDays(1))))).isEqualTo(Map.of(team.on(DAY), answers));
        assertThat(store.days().of(team).keySet()).containsExactly(DAY.minusDays(1), DAY);

        store.days().write(Map.of(team.on(DAY), Histogram.empty(Scale.NPS)), 2);
        assertThat(store.days().of(team).keySet()).containsExactly(DAY.minusDays(1));
    }

    @Test
    void windowsAreStoredWithTheirMetricsAndListedByScale() {
        Metrics metrics = new Metrics(3);
        Series agent = new Series(Dimension.agent("a1"), Scale.CES_EFFORT_5);
        Map<Window, WindowScore> scores = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            Histogram histogram = window == Window.LAST_7_DAYS ? Histogram.empty(Scale.CES_EFFORT_5)
                    : Histogram.ofAnswers(Scale.CES_EFFORT_5, 1, 2, 5);
            scores.put(window, new WindowScore(histogram, metrics.compute(histogram)));
        }
        SeriesWindows windows = new SeriesWindows(agent, DAY, NOW, 7, scores);

        store.windows().write(List.of(windows));

        assertThat(store.windows().of(agent)).contains(windows);
        assertThat(store.windows().of(agent).orElseThrow().windows().get(Window.LAST_30_DAYS).metrics().keySet())
                .containsExactly(Metrics.MEAN, Metrics.POSITIVE_PCT, Metrics.LOW_PCT, Metrics.CES, Metrics.EASY_PCT);
        List<SeriesWindows> listed = new ArrayList<>();
        store.windows().forEach(Scale.CES_EFFORT_5, listed::add);
        assertThat(listed).containsExactly(windows);
        assertThat(store.windows().of(new Series(Dimension.ORG, Scale.CES_EFFORT_5))).isEmpty();
    }

    @Test
    void theLeaseGoesToOneRunAtATimeUntilItIsGivenBackOrRunsOut() {
        assertThat(store.lease().acquire("run-1", NOW, NOW.plus(Duration.ofMinutes(15)))).isPresent();

        assertThat(store.lease().acquire("run-2", NOW.plusSeconds(60), NOW.plus(Duration.ofMinutes(16)))).isEmpty();
        assertThat(store.lease().acquire("run-2", NOW.plus(Duration.ofMinutes(16)), NOW.plus(Duration.ofMinutes(31))))
                .hasValueSatisfying(state -> assertThat(state.leaseHolder()).contains("run-2"));

        store.lease().release("run-1");
        assertThat(store.lease().state().leaseHolder()).as("run-1 cannot give back a lease it lost").contains("run-2");
        store.lease().release("run-2");
        assertThat(store.lease().acquire("run-3", NOW.plus(Duration.ofMinutes(17)), NOW.plus(Duration.ofMinutes(32))))
                .isPresent();
    }

    @Test
    void onlyTheLeaseHolderCommitsAPlanAndOnlyOnePlanIsPendingAtATime() {
        store.lease().acquire("run-1", NOW, NOW.plus(Duration.ofMinutes(15)));
        store.plans().save(1, "run-1", List.of(new byte[]{1, 2, 3}));

        assertThatThrownBy(() -> store.lease().commitPlan("run-2", NOW, 1, 1, OptionalLong.empty())).isInstanceOf(LeaseLost.class);
        store.lease().commitPlan("run-1", NOW, 1, 1, OptionalLong.empty());
        assertThatThrownBy(() -> store.lease().commitPlan("run-1", NOW, 2, 1, OptionalLong.empty())).isInstanceOf(LeaseLost.class);

        RecomputeState state = store.lease().state();
        assertThat(state.pending()).hasValue(1);
        assertThat(state.pendingHolder()).contains("run-1");
        assertThat(store.plans().load(1, "run-1", 1)).singleElement().isEqualTo(new byte[]{1, 2, 3});

        store.lease().finish("run-1", OptionalLong.of(1), NOW, NOW, "incremental");
        assertThat(store.lease().state().pending()).isEmpty();
        assertThat(store.lease().state().watermark()).contains(NOW);
        assertThat(store.lease().state().sequence()).isEqualTo(1);
    }

    @Test
    void dimensionIdsWithSeparatorsKeepTheirSeriesApart() {
        Series colon = new Series(Dimension.team("a:b"), Scale.THUMBS);
        Series hash = new Series(Dimension.agent("a#b"), Scale.THUMBS);
        store.days().write(Map.of(colon.on(DAY), Histogram.of(Scale.THUMBS, 1, 0), hash.on(DAY), Histogram.of(Scale.THUMBS, 0, 1)), 1);

        Map<DayKey, Histogram> read = store.days().of(List.of(colon.on(DAY), hash.on(DAY)));

        assertThat(read.get(colon.on(DAY))).isEqualTo(Histogram.of(Scale.THUMBS, 1, 0));
        assertThat(read.get(hash.on(DAY))).isEqualTo(Histogram.of(Scale.THUMBS, 0, 1));
    }
}
