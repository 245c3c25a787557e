package io.ratelink.dashboard;

import io.ratelink.score.Dimension;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whose scores a page shows: the organisation, one or more teams together, or one agent. A page at one level lists
 * the level below it (teams at the organisation, the agents of the teams, nothing below an agent).
 *
 * @param teams the teams chosen in the filters, in order of their ids; empty for the whole organisation
 * @param agent the agent chosen in the filters
 */
public record Scope(Set<String> teams, Optional<String> agent) {

    public enum Level { ORG, TEAMS, AGENT }

    public Scope {
        teams = new TreeSet<>(Objects.requireNonNull(teams, "teams"));
        Objects.requireNonNull(agent, "agent");
    }

    public static Scope org() {
        return new Scope(Set.of(), Optional.empty());
    }

    public static Scope teams(Set<String> teams) {
        return new Scope(teams, Optional.empty());
    }

    public static Scope agent(String agentId) {
        return new Scope(Set.of(), Optional.of(agentId));
    }

    public Level level() {
        return agent.isPresent() ? Level.AGENT : teams.isEmpty() ? Level.ORG : Level.TEAMS;
    }

    /** The series whose day histograms, added up, are this scope's scores. */
    public List<Dimension> dimensions() {
        return switch (level()) {
            case ORG -> List.of(Dimension.ORG);
            case TEAMS -> teams.stream().map(Dimension::team).toList();
            case AGENT -> List.of(Dimension.agent(agent.orElseThrow()));
        };
    }
}
