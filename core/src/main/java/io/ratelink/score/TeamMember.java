package io.ratelink.score;

import java.util.Objects;

/** An agent seen answering for a team: a counted rating of the team's carried the agent's id. */
public record TeamMember(String teamId, String agentId) {

    public TeamMember {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(agentId, "agentId");
    }
}
