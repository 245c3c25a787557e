package io.ratelink.score.store;

import io.ratelink.score.DayKey;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metric;
import io.ratelink.score.Metrics;
import io.ratelink.score.Series;
import io.ratelink.score.TeamMember;
import io.ratelink.score.Window;
import io.ratelink.storage.Attributes;
import io.ratelink.survey.Scale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static io.ratelink.storage.Attributes.n;
import static io.ratelink.storage.Attributes.number;
import static io.ratelink.storage.Attributes.s;

/**
 * The one place that knows how scores are laid out as items of the scores table ({@code pk}, {@code sk}):
 * <ul>
 *   <li>a day histogram: {@code pk = <SCALE>#<dimension>}, {@code sk = day#<yyyy-MM-dd>} — every day of a series
 *       in one partition, in order, so a series' days are one query;</li>
 *   <li>the windows of a series: {@code pk = windows#<SCALE>}, {@code sk = <dimension>} — one item with every
 *       window, its counts and metrics; all series of a scale in one partition, so they can be listed;</li>
 *   <li>who works in which team, as the counted ratings say: {@code pk = roster#team:<T>}, {@code sk = agent:<A>},
 *       and the same pair the other way round, {@code pk = roster#agent:<A>}, {@code sk = team:<T>};</li>
 *   <li>the recompute's state: {@code pk = recompute}, {@code sk = state};</li>
 *   <li>a recompute plan, in chunks: {@code pk = recompute}, {@code sk = plan#<sequence>#<run>#<chunk>}.</li>
 * </ul>
 * Dimensions are written as {@code org}, {@code team:ID}, {@code agent:ID}.
 */
public final class ScoreItem {

    public static final String PK = "pk";
    public static final String SK = "sk";

    static final String DIMENSION = "dimension";
    static final String SCALE = "scale";
    static final String DAY = "day";
    static final String COUNTS = "counts";
    static final String N = "n";
    static final String PLAN = "plan";
    static final String AS_OF = "asOf";
    static final String COMPUTED_AT = "computedAt";
    static final String WINDOWS = "windows";
    static final String METRICS = "metrics";
    static final String VALUE = "value";
    static final String LOW = "low";
    static final String HIGH = "high";
    static final String LOW_SAMPLE = "lowSample";

    static final String WATERMARK = "watermark";
    static final String SEQUENCE = "sequence";
    static final String PENDING = "pending";
    static final String PENDING_HOLDER = "pendingHolder";
    static final String PENDING_CHUNKS = "pendingChunks";
    static final String LEASE_HOLDER = "leaseHolder";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String WINDOWS_AS_OF = "windowsAsOf";
    static final String LAST_FINISHED_AT = "lastFinishedAt";
    static final String LAST_MODE = "lastMode";
    static final String BODY = "body";

    static final String DAY_PREFIX = "day#";
    static final String WINDOWS_PREFIX = "windows#";
    static final String ROSTER_PREFIX = "roster#";
    static final String TEAM_ID = "teamId";
    static final String AGENT_ID = "agentId";
    static final String RECOMPUTE_PK = "recompute";
    static final String STATE_SK = "state";
    static final String PLAN_PREFIX = "plan#";

    /** Metrics in the order {@link Metrics#compute} gives them; a map attribute keeps no order. */
    private static final List<String> METRIC_NAMES = List.of(Metrics.MEAN, Metrics.POSITIVE_PCT, Metrics.LOW_PCT,
            Metrics.CSAT, Metrics.CES, Metrics.EASY_PCT, Metrics.NPS, Metrics.PROMOTERS_PCT, Metrics.PASSIVES_PCT,
            Metrics.DETRACTORS_PCT, Metrics.PMF);
    private static final Comparator<String> METRIC_ORDER = Comparator
            .comparingInt((String name) -> METRIC_NAMES.contains(name) ? METRIC_NAMES.indexOf(name) : METRIC_NAMES.size())
            .thenComparing(Comparator.naturalOrder());

    private ScoreItem() {
    }

    // ---- day histograms

    static String seriesPartition(Series series) {
        return series.scale().name() + "#" + series.dimension().format();
    }

    static Map<String, AttributeValue> dayKey(DayKey key) {
        return Map.of(PK, s(seriesPartition(key.series())), SK, s(DAY_PREFIX + key.day()));
    }

    static Map<String, AttributeValue> dayItem(DayKey key, Histogram histogram, long plan) {
        Map<String, AttributeValue> item = new HashMap<>(dayKey(key));
        item.put(DIMENSION, s(key.dimension().format()));
        item.put(SCALE, s(key.scale().name()));
        item.put(DAY, s(key.day().toString()));
        item.put(COUNTS, counts(histogram));
        item.put(N, n(histogram.total()));
        item.put(PLAN, n(plan));
        return item;
    }

    static DayKey dayKeyOf(Map<String, AttributeValue> item) {
        return new DayKey(dimension(item), Scale.valueOf(item.get(SCALE).s()), LocalDate.parse(item.get(DAY).s()));
    }

    static Histogram dayHistogram(Map<String, AttributeValue> item) {
        return histogram(Scale.valueOf(item.get(SCALE).s()), item.get(COUNTS));
    }

    // ---- windows

    static String windowsPartition(Scale scale) {
        return WINDOWS_PREFIX + scale.name();
    }

    static Map<String, AttributeValue> windowsKey(Series series) {
        return Map.of(PK, s(windowsPartition(series.scale())), SK, s(series.dimension().format()));
    }

    static Map<String, AttributeValue> windowsItem(SeriesWindows windows) {
        Map<String, AttributeValue> item = new HashMap<>(windowsKey(windows.series()));
        item.put(DIMENSION, s(windows.series().dimension().format()));
        item.put(SCALE, s(windows.series().scale().name()));
        item.put(AS_OF, s(windows.asOf().toString()));
        item.put(COMPUTED_AT, n(windows.computedAt().toEpochMilli()));
        item.put(PLAN, n(windows.plan()));
        Map<String, AttributeValue> byLabel = new HashMap<>();
        windows.windows().forEach((window, score) -> byLabel.put(window.label(), windowScore(score)));
        item.put(WINDOWS, AttributeValue.fromM(byLabel));
        return item;
    }

    static SeriesWindows seriesWindows(Map<String, AttributeValue> item) {
        Scale scale = Scale.valueOf(item.get(SCALE).s());
        Map<Window, WindowScore> windows = new EnumMap<>(Window.class);
        item.get(WINDOWS).m().forEach((label, score) -> windows.put(
                Window.parse(label).orElseThrow(() -> new IllegalStateException("unknown window " + label)),
                windowScore(scale, score.m())));
        return new SeriesWindows(new Series(dimension(item), scale), LocalDate.parse(item.get(AS_OF).s()),
                Instant.ofEpochMilli(number(item.get(COMPUTED_AT))), number(item.get(PLAN)), windows);
    }

    private static AttributeValue windowScore(WindowScore score) {
        Map<String, AttributeValue> metrics = new LinkedHashMap<>();
        score.metrics().forEach((name, metric) -> metrics.put(name, metric(metric)));
        return AttributeValue.fromM(Map.of(
                COUNTS, counts(score.histogram()),
                N, n(score.histogram().total()),
                METRICS, AttributeValue.fromM(metrics)));
    }

    private static WindowScore windowScore(Scale scale, Map<String, AttributeValue> item) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        item.get(METRICS).m().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(METRIC_ORDER))
                .forEach(entry -> metrics.put(entry.getKey(), metric(entry.getValue().m())));
        return new WindowScore(histogram(scale, item.get(COUNTS)), metrics);
    }

    private static AttributeValue metric(Metric metric) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(N, n(metric.n()));
        item.put(LOW_SAMPLE, AttributeValue.fromBool(metric.lowSample()));
        if (metric.value() != null) {
            item.put(VALUE, decimal(metric.value()));
        }
        if (metric.hasInterval()) {
            item.put(LOW, decimal(metric.low()));
            item.put(HIGH, decimal(metric.high()));
        }
        return AttributeValue.fromM(item);
    }

    private static Metric metric(Map<String, AttributeValue> item) {
        return new Metric(optionalDouble(item.get(VALUE)), number(item.get(N)), optionalDouble(item.get(LOW)),
                optionalDouble(item.get(HIGH)), Boolean.TRUE.equals(item.get(LOW_SAMPLE).bool()));
    }

    // ---- rosters

    static String rosterPartition(Dimension dimension) {
        return ROSTER_PREFIX + dimension.format();
    }

    static List<Map<String, AttributeValue>> rosterItems(TeamMember member) {
        Dimension team = Dimension.team(member.teamId());
        Dimension agent = Dimension.agent(member.agentId());
        Map<String, AttributeValue> values = Map.of(TEAM_ID, s(member.teamId()), AGENT_ID, s(member.agentId()));
        Map<String, AttributeValue> byTeam = new HashMap<>(values);
        byTeam.put(PK, s(rosterPartition(team)));
        byTeam.put(SK, s(agent.format()));
        Map<String, AttributeValue> byAgent = new HashMap<>(values);
        byAgent.put(PK, s(rosterPartition(agent)));
        byAgent.put(SK, s(team.format()));
        return List.of(byTeam, byAgent);
    }

    static TeamMember teamMember(Map<String, AttributeValue> item) {
        return new TeamMember(item.get(TEAM_ID).s(), item.get(AGENT_ID).s());
    }

    // ---- the recompute's state and plans

    static Map<String, AttributeValue> stateKey() {
        return Map.of(PK, s(RECOMPUTE_PK), SK, s(STATE_SK));
    }

    static RecomputeState state(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return RecomputeState.initial();
        }
        return new RecomputeState(
                Optional.ofNullable(item.get(WATERMARK)).map(v -> Instant.ofEpochMilli(number(v))),
                Optional.ofNullable(item.get(SEQUENCE)).map(Attributes::number).orElse(0L),
                Optional.ofNullable(item.get(PENDING)).map(v -> OptionalLong.of(number(v))).orElse(OptionalLong.empty()),
                Optional.ofNullable(item.get(PENDING_HOLDER)).map(AttributeValue::s),
                Optional.ofNullable(item.get(PENDING_CHUNKS)).map(v -> (int) number(v)).orElse(0),
                Optional.ofNullable(item.get(LEASE_HOLDER)).map(AttributeValue::s),
                Optional.ofNullable(item.get(LEASE_UNTIL)).map(v -> Instant.ofEpochMilli(number(v))),
                Optional.ofNullable(item.get(WINDOWS_AS_OF)).map(v -> LocalDate.parse(v.s())),
                Optional.ofNullable(item.get(LAST_FINISHED_AT)).map(v -> Instant.ofEpochMilli(number(v))),
                Optional.ofNullable(item.get(LAST_MODE)).map(AttributeValue::s));
    }

    /** The plan's sequence number and the run that wrote it: a run whose lease ran out never overwrites another's plan. */
    static Map<String, AttributeValue> planChunkKey(long sequence, String holder, int chunk) {
        return Map.of(PK, s(RECOMPUTE_PK),
                SK, s(String.format("%s%019d#%s#%04d", PLAN_PREFIX, sequence, holder, chunk)));
    }

    static Map<String, AttributeValue> planChunkItem(long sequence, String holder, int chunk, byte[] body) {
        Map<String, AttributeValue> item = new HashMap<>(planChunkKey(sequence, holder, chunk));
        item.put(BODY, AttributeValue.fromB(SdkBytes.fromByteArray(body)));
        return item;
    }

    static byte[] planChunkBody(Map<String, AttributeValue> item) {
        return item.get(BODY).b().asByteArray();
    }

    // ---- values

    private static AttributeValue decimal(double value) {
        return AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString());
    }

    private static Double optionalDouble(AttributeValue value) {
        return value == null ? null : Double.valueOf(value.n());
    }

    private static AttributeValue counts(Histogram histogram) {
        List<AttributeValue> counts = new ArrayList<>();
        for (long count : histogram.counts()) {
            counts.add(n(count));
        }
        return AttributeValue.fromL(counts);
    }

    private static Histogram histogram(Scale scale, AttributeValue counts) {
        long[] perPoint = counts.l().stream().mapToLong(Attributes::number).toArray();
        return Histogram.of(scale, perPoint);
    }

    private static Dimension dimension(Map<String, AttributeValue> item) {
        String written = item.get(DIMENSION).s();
        return Dimension.parse(written).orElseThrow(() -> new IllegalStateException("not a dimension: " + written));
    }
}
