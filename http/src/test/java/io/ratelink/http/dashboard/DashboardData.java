package io.ratelink.http.dashboard;

import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.LowRating;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.score.DayKey;
import io.ratelink.score.Dimension;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.Rollup;
import io.ratelink.score.Series;
import io.ratelink.score.TeamMember;
import io.ratelink.score.Window;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.score.store.SeriesWindows;
import io.ratelink.score.store.WindowScore;
import io.ratelink.survey.Scale;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Tests only: scores written straight into the scores table, as the recompute would leave them. */
final class DashboardData {

    private final ScoreStore store;
    private final Metrics metrics;
    private final LocalDate today;
    private final Map<DayKey, Histogram> days = new HashMap<>();
    private final List<TeamMember> members = new ArrayList<>();

    DashboardData(ScoreStore store, Metrics metrics, LocalDate today) {
        this.store = store;
        this.metrics = metrics;
        this.today = today;
    }

    /** Adds one day's answers of one agent, counted in the agent, their team and (if asked) the organisation. */
    DashboardData answers(String team, String agent, Scale scale, int daysAgo, Histogram histogram, boolean inOrg) {
        LocalDate day = today.minusDays(daysAgo);
        List<Dimension> dimensions = inOrg ? Dimension.of(team, agent) : List.of(Dimension.team(team), Dimension.agent(agent));
        for (Dimension dimension : dimensions) {
            days.merge(new DayKey(dimension, scale, day), histogram, Histogram::plus);
        }
        members.add(new TeamMember(team, agent));
        return this;
    }

    /**
     * Adds the days to those stored (the organisation's are shared by every test), writes every touched series'
     * windows as of today, and the rosters.
     */
    void write() {
        store.days().of(days.keySet()).forEach((key, stored) -> days.merge(key, stored, Histogram::plus));
        store.days().write(days, 1);
        Map<Series, SortedMap<LocalDate, Histogram>> bySeries = new HashMap<>();
        days.forEach((key, histogram) -> bySeries.computeIfAbsent(key.series(), s -> new TreeMap<>()).put(key.day(), histogram));
        List<SeriesWindows> windows = new ArrayList<>();
        bySeries.forEach((series, seriesDays) -> {
            SortedMap<LocalDate, Histogram> all = new TreeMap<>(store.days().of(series));
            Map<Window, WindowScore> scores = new EnumMap<>(Window.class);
            Rollup.windows(series.scale(), all, today).forEach((window, histogram) ->
                    scores.put(window, new WindowScore(histogram, metrics.compute(histogram))));
            windows.add(new SeriesWindows(series, today, Instant.now(), 1, scores));
        });
        store.windows().write(windows);
        store.rosters().record(members);
        days.clear();
        members.clear();
    }

    /** A low rating's escalation email that failed on every try, as the escalate function leaves it. */
    static Escalation failedEscalation(EscalationStore escalations, String surveyId, String team) {
        Instant now = Instant.now();
        EscalationId id = EscalationId.parse(surveyId + ".e000000000000").orElseThrow();
        Escalation claimed = new Escalation(id, EscalationStatus.CLAIMED,
                new LowRating(surveyId, Scale.CSAT_5, 1, "T-1", "esc-agent", team, "en", Optional.empty(), now),
                1, Optional.empty(), 0, "<" + surveyId + "@ratelink.test>", Optional.empty(), 0, Optional.empty(),
                Optional.empty(), now, now, Optional.empty(), Optional.of(now.plusSeconds(60)));
        escalations.claimNew(claimed);
        return escalations.markFailed(claimed, Optional.of("manager@example.com"), 4, "550 mailbox unavailable", now);
    }
}
