package io.ratelink.dashboard.access;

import java.util.Objects;
import java.util.Set;

/**
 * Who is looking at the dashboard and what they may see. An admin (listed in {@code ratelink.dashboard.admins}) sees
 * everything; a manager sees the organisation's totals and the teams of the agents who report to them.
 *
 * @param email the address the person signed in with, as they typed it
 * @param admin whether they see every team
 * @param teams the teams a manager sees; empty for an admin, who sees them all
 */
public record Viewer(String email, boolean admin, Set<String> teams) {

    public Viewer {
        Objects.requireNonNull(email, "email");
        teams = Set.copyOf(teams);
    }

    public static Viewer admin(String email) {
        return new Viewer(email, true, Set.of());
    }

    public static Viewer manager(String email, Set<String> teams) {
        return new Viewer(email, false, teams);
    }

    /** Whether this person may see the team's scores, agents and ratings. */
    public boolean sees(String teamId) {
        return admin || teams.contains(teamId);
    }
}
