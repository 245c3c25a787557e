package io.ratelink.score;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose scores: the whole organisation, one team or one agent. Written {@code org}, {@code team:ID} and
 * {@code agent:ID}, as in {@code GET /v1/scores?dimension=}.
 *
 * @param kind which of the three
 * @param id   the team or agent id; the empty string for the organisation
 */
public record Dimension(Kind kind, String id) {

    /** The whole organisation: every rating counts here. */
    public static final Dimension ORG = new Dimension(Kind.ORG, "");

    /** The three levels a rating is counted at. */
    public enum Kind {
        ORG("org"), TEAM("team"), AGENT("agent");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public Dimension {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind == Kind.ORG && !id.isEmpty()) {
            throw new IllegalArgumentException("the organisation has no id, got '" + id + "'");
        }
        if (kind != Kind.ORG && id.isBlank()) {
            throw new IllegalArgumentException("a " + kind.prefix + " needs an id");
        }
    }

    public static Dimension team(String teamId) {
        return new Dimension(Kind.TEAM, teamId);
    }

    public static Dimension agent(String agentId) {
        return new Dimension(Kind.AGENT, agentId);
    }

    /** The three dimensions one rating is counted in: the organisation, its team and its agent. */
    public static List<Dimension> of(String teamId, String agentId) {
        return List.of(ORG, team(teamId), agent(agentId));
    }

    /**
     * Reads {@code org}, {@code team:ID} or {@code agent:ID}. Everything after the first colon is the id,
     * so ids may contain colons.
     *
     * @return empty for anything else, including a blank id
     */
    public static Optional<Dimension> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals(Kind.ORG.prefix)) {
            return Optional.of(ORG);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = text.substring(0, colon);
        String id = text.substring(colon + 1);
        if (id.isBlank()) {
            return Optional.empty();
        }
        if (prefix.equals(Kind.TEAM.prefix)) {
            return Optional.of(team(id));
        }
        if (prefix.equals(Kind.AGENT.prefix)) {
            return Optional.of(agent(id));
        }
        return Optional.empty();
    }

    /** The written form that {@link #parse} reads back. */
    public String format() {
        return kind == Kind.ORG ? kind.prefix : kind.prefix + ":" + id;
    }

    @Override
    public String toString() {
        return format();
    }
}
