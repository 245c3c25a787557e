package io.ratelink.http.dashboard;

import io.ratelink.dashboard.Period;
import io.ratelink.dashboard.Ranking;
import io.ratelink.dashboard.Scope;
import io.ratelink.http.web.Params;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of a dashboard page, all in its URL so a view can be shared: {@code scale}, {@code window}
 * ({@code 7d}, {@code 30d}, {@code 90d}) or {@code from} and {@code to} (dates, both included), one or more
 * {@code team}, {@code agent}, {@code lang}, and the table's {@code sort} ({@code score}, {@code n}, {@code change})
 * and {@code dir} ({@code asc}, {@code desc}).
 */
public record DashboardFilters(Optional<Scale> scale, String window, Optional<LocalDate> from, Optional<LocalDate> to,
        Set<String> teams, Optional<String> agent, String lang, Ranking.SortKey sort, boolean descending) {

    static final List<String> WINDOWS = List.of("7d", "30d", "90d");
    static final String DEFAULT_WINDOW = "30d";

    public DashboardFilters {
        teams = new TreeSet<>(teams);
    }

    /** Reads the parameters; what cannot be read is named in {@code problems}. */
    public static DashboardFilters read(Map<String, List<String>> params, String acceptLanguage, List<String> problems) {
        Optional<Scale> scale = Params.scale(first(params, "scale"), problems);
        String window = Optional.ofNullable(first(params, "window")).filter(w -> !w.isBlank()).orElse(DEFAULT_WINDOW);
        if (!WINDOWS.contains(window)) {
            problems.add("window must be one of " + WINDOWS);
            window = DEFAULT_WINDOW;
        }
        Optional<LocalDate> from = date("from", first(params, "from"), problems);
        Optional<LocalDate> to = date("to", first(params, "to"), problems);
        if (from.isPresent() && to.isPresent()) {
            if (from.get().isAfter(to.get())) {
                problems.add("from must not be after to");
            } else if (new Period(from.get(), to.get()).days() > Period.MAX_DAYS) {
                problems.add("from and to may be at most " + Period.MAX_DAYS + " days apart");
            }
        } else if (from.isPresent() != to.isPresent()) {
            problems.add("from and to go together");
        }
        Set<String> teams = new TreeSet<>();
        for (String team : params.getOrDefault("team", List.of())) {
            Params.id("team", team, problems).ifPresent(teams::add);
        }
        Optional<String> agent = Params.id("agent", first(params, "agent"), problems);
        String lang = Optional.ofNullable(first(params, "lang")).filter(l -> !l.isBlank())
                .or(() -> Optional.ofNullable(acceptLanguage).map(header -> header.split("[,;]")[0].trim()))
                .map(tag -> Messages.forTag(tag).languageTag()).orElse("en");
        String sortParam = first(params, "sort");
        Ranking.SortKey sort = Params.isBlank(sortParam) ? Ranking.SortKey.SCORE
                : Ranking.SortKey.parse(sortParam).orElseGet(() -> {
                    problems.add("sort must be score, n or change");
                    return Ranking.SortKey.SCORE;
                });
        String dir = first(params, "dir");
        if (!Params.isBlank(dir) && !dir.equals("asc") && !dir.equals("desc")) {
            problems.add("dir must be asc or desc");
        }
        return new DashboardFilters(scale, window, from, to, teams, agent, lang, sort, !"asc".equals(dir));
    }

    public boolean isRange() {
        return from.isPresent() && to.isPresent();
    }

    public Period period(LocalDate today) {
        if (isRange()) {
            return new Period(from.get(), to.get());
        }
        return Period.ending(today, Integer.parseInt(window.substring(0, window.length() - 1)));
    }

    public Scope scope() {
        return new Scope(agent.isPresent() ? Set.of() : teams, agent);
    }

    public DashboardFilters withTeams(Set<String> teams) {
        return new DashboardFilters(scale, window, from, to, teams, Optional.empty(), lang, sort, descending);
    }

    public DashboardFilters withAgent(String agentId) {
        return new DashboardFilters(scale, window, from, to, Set.of(), Optional.of(agentId), lang, sort, descending);
    }

    public DashboardFilters withScale(Scale chosen) {
        return new DashboardFilters(Optional.of(chosen), window, from, to, teams, agent, lang, sort, descending);
    }

    public DashboardFilters withLang(String language) {
        return new DashboardFilters(scale, window, from, to, teams, agent, language, sort, descending);
    }

    public DashboardFilters withSort(Ranking.SortKey key, boolean desc) {
        return new DashboardFilters(scale, window, from, to, teams, agent, lang, key, desc);
    }

    /** The query string that reads back as these filters ({@code ?…}), defaults left out. */
    public String query() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        scale.ifPresent(s -> params.put("scale", List.of(s.name())));
        if (isRange()) {
            params.put("from", List.of(from.get().toString()));
            params.put("to", List.of(to.get().toString()));
        } else if (!window.equals(DEFAULT_WINDOW)) {
            params.put("window", List.of(window));
        }
        if (!teams.isEmpty()) {
            params.put("team", List.copyOf(teams));
        }
        agent.ifPresent(a -> params.put("agent", List.of(a)));
        if (sort != Ranking.SortKey.SCORE) {
            params.put("sort", List.of(sort.param()));
        }
        if (!descending) {
            params.put("dir", List.of("asc"));
        }
        params.put("lang", List.of(lang));
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(value -> pairs.add(name + "=" + encode(value))));
        return "?" + String.join("&", pairs);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Optional<LocalDate> date(String name, String value, List<String> problems) {
        if (Params.isBlank(value)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a date such as 2026-11-01");
            return Optional.empty();
        }
    }

    static boolean isId(String value) {
        return SurveyClaims.isValidId(value);
    }
}
