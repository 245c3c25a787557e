package io.ratelink.dashboard.store;

import io.ratelink.dashboard.HappinessIndexHeadline;
import io.ratelink.dashboard.Headline;
import io.ratelink.dashboard.LevelReport;
import io.ratelink.dashboard.Period;
import io.ratelink.dashboard.Ranking;
import io.ratelink.dashboard.Scope;
import io.ratelink.dashboard.Trends;
import io.ratelink.dashboard.access.Viewer;
import io.ratelink.score.HappinessIndexWeights;
import io.ratelink.score.CustomerHappinessIndex;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metric;
import io.ratelink.score.Metrics;
import io.ratelink.score.ScoreChange;
import io.ratelink.score.Series;
import io.ratelink.score.Window;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.score.store.SeriesWindows;
import io.ratelink.storage.StoreUnavailable;
import io.ratelink.survey.Scale;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The dashboard's read model over the scores table: which scales a level has answers on (its stored windows), its
 * day histograms over the period, the period before and the trends' year (one query per series and scale), and the
 * same for each team or agent below it. Every number is rolled up here from day histograms with the score domain's
 * metrics, so a chosen date range and the previous period are computed exactly as the stored windows are. The
 * series of the level below are read concurrently on the given executor: they are independent queries.
 */
public class DashboardReader {

    private final ScoreStore scores;
    private final Metrics metrics;
    private final HappinessIndexWeights chiWeights;
    private final Executor reads;

    public DashboardReader(ScoreStore scores, Metrics metrics, HappinessIndexWeights chiWeights, Executor reads) {
        this.scores = scores;
        this.metrics = metrics;
        this.chiWeights = chiWeights;
        this.reads = reads;
    }

    /**
     * The overview of one level.
     *
     * @param wanted the scale chosen in the filters; the first scale in use when empty or not in use
     * @param viewer who is looking: at the organisation, a manager's table lists only their teams
     */
    public LevelReport level(Scope scope, Period period, Optional<Scale> wanted, Viewer viewer) {
        List<Scale> inUse = scalesInUse(scope.dimensions());
        Optional<Scale> chosen = wanted.filter(inUse::contains).or(() -> inUse.stream().findFirst());
        LocalDate last = period.last();
        LocalDate headlineFirst = period.previous().first();
        LocalDate trendFirst = min(Trends.firstDayOfWeekly(last, Trends.WEEKLY_POINTS),
                last.minusDays(Trends.DAILY_POINTS - 1L));

        List<CompletableFuture<SortedMap<LocalDate, Histogram>>> reading = new ArrayList<>();
        for (Scale scale : inUse) {
            LocalDate first = chosen.filter(scale::equals).isPresent() ? min(headlineFirst, trendFirst) : headlineFirst;
            reading.add(async(() -> days(scope.dimensions(), scale, first, last)));
        }
        List<Ranking.Row> children = chosen.map(scale -> children(scope, scale, period, viewer)).orElse(List.of());

        List<Headline> headlines = new ArrayList<>();
        List<Histogram> now = new ArrayList<>();
        List<Histogram> before = new ArrayList<>();
        SortedMap<LocalDate, Histogram> chosenDays = new TreeMap<>();
        for (int i = 0; i < inUse.size(); i++) {
            Scale scale = inUse.get(i);
            SortedMap<LocalDate, Histogram> days = join(reading.get(i));
            headlines.add(Headline.of(scale, days, period, metrics));
            now.add(Trends.sum(scale, days, period));
            before.add(Trends.sum(scale, days, period.previous()));
            if (chosen.filter(scale::equals).isPresent()) {
                chosenDays = days;
            }
        }
        Optional<CustomerHappinessIndex> chiNow = CustomerHappinessIndex.of(now, metrics, chiWeights);
        Optional<CustomerHappinessIndex> chiBefore = CustomerHappinessIndex.of(before, metrics, chiWeights);
        HappinessIndexHeadline chi = new HappinessIndexHeadline(chiNow.map(CustomerHappinessIndex::value).orElse(null),
                chiBefore.map(CustomerHappinessIndex::value).orElse(null),
                chiNow.map(CustomerHappinessIndex::lowSample).orElse(true));

        SortedMap<LocalDate, Histogram> trendDays = chosenDays;
        return new LevelReport(scope, period, headlines, chi, chosen,
                chosen.map(scale -> Trends.daily(scale, trendDays, last, Trends.DAILY_POINTS, metrics)).orElse(List.of()),
                chosen.map(scale -> Trends.weekly(scale, trendDays, last, Trends.WEEKLY_POINTS, metrics)).orElse(List.of()),
                chosen.map(scale -> Trends.sum(scale, trendDays, period)),
                children);
    }

    /** The scales any of the dimensions has answers on, in the catalogue's order. */
    public List<Scale> scalesInUse(Collection<Dimension> dimensions) {
        List<Series> series = new ArrayList<>();
        for (Scale scale : Scale.values()) {
            dimensions.forEach(dimension -> series.add(new Series(dimension, scale)));
        }
        Map<Series, SeriesWindows> stored = scores.windows().of(series);
        Set<Scale> used = new TreeSet<>();
        stored.values().forEach(windows -> {
            if (!windows.windows().get(Window.ALL_TIME).histogram().isEmpty()) {
                used.add(windows.series().scale());
            }
        });
        return List.copyOf(used);
    }

    /** The teams that have answers on a scale. */
    public Set<String> teams(Scale scale) {
        Set<String> teams = new TreeSet<>();
        scores.windows().dimensions(scale, Dimension.Kind.TEAM).forEach(team -> teams.add(team.id()));
        return teams;
    }

    /** The teams an agent has answered for. */
    public Set<String> teamsOf(String agentId) {
        return scores.rosters().teamsOf(List.of(agentId));
    }

    /** The day histograms of the dimensions on one scale, added up day by day. */
    public SortedMap<LocalDate, Histogram> days(Collection<Dimension> dimensions, Scale scale, LocalDate first,
            LocalDate last) {
        if (dimensions.size() == 1) {
            return scores.days().between(new Series(dimensions.iterator().next(), scale), first, last);
        }
        SortedMap<LocalDate, Histogram> sum = new TreeMap<>();
        for (Dimension dimension : dimensions) {
            scores.days().between(new Series(dimension, scale), first, last)
                    .forEach((day, histogram) -> sum.merge(day, histogram, Histogram::plus));
        }
        return sum;
    }

    private List<Ranking.Row> children(Scope scope, Scale scale, Period period, Viewer viewer) {
        List<Dimension> below = switch (scope.level()) {
            case ORG -> teams(scale).stream().filter(viewer::sees).map(Dimension::team).toList();
            case TEAMS -> {
                Set<String> agents = new TreeSet<>();
                scope.teams().forEach(team -> agents.addAll(scores.rosters().agentsOf(team)));
                yield agents.stream().map(Dimension::agent).toList();
            }
            case AGENT -> List.of();
        };
        String key = Metrics.headline(scale);
        List<CompletableFuture<Ranking.Row>> rows = below.stream().map(dimension -> async(() -> {
            SortedMap<LocalDate, Histogram> days = scores.days().between(new Series(dimension, scale),
                    period.previous().first(), period.last());
            Metric now = metrics.compute(Trends.sum(scale, days, period)).get(key);
            Metric before = metrics.compute(Trends.sum(scale, days, period.previous())).get(key);
            return new Ranking.Row(dimension.id(), now, ScoreChange.between(now, before));
        })).toList();
        return rows.stream().map(DashboardReader::join).toList();
    }

    private <T> CompletableFuture<T> async(java.util.function.Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, reads);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new StoreUnavailable("the scores table could not be read", e.getCause());
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
