package io.ratelink.dashboard;

import io.ratelink.dashboard.access.Viewer;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in person may open: everyone sees the organisation's totals; a team only if they see it; an agent
 * only if they see one of the agent's teams; a rating only if they see its team. An admin sees everything.
 */
public final class Access {

    private Access() {
    }

    /**
     * Whether the viewer may open the scope.
     *
     * @param teamsOfAgent the teams the scope's agent has answered for (only read for an agent's scope)
     */
    public static boolean mayOpen(Viewer viewer, Scope scope, Collection<String> teamsOfAgent) {
        if (viewer.admin()) {
            return true;
        }
        return switch (scope.level()) {
            case ORG -> true;
            case TEAMS -> scope.teams().stream().allMatch(viewer::sees);
            case AGENT -> teamsOfAgent.stream().anyMatch(viewer::sees);
        };
    }

    /**
     * The teams whose ratings a list of ratings at this scope may show: empty for "every team" (an admin at the
     * organisation or an agent), otherwise the set to keep to (possibly empty: then nothing).
     */
    public static Optional<Set<String>> ratingTeams(Viewer viewer, Scope scope) {
        if (!scope.teams().isEmpty()) {
            return Optional.of(scope.teams());
        }
        return viewer.admin() ? Optional.empty() : Optional.of(viewer.teams());
    }
}
