package io.ratelink.dashboard.access;

import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class ViewersTest {

    /** Agents by their manager's lower-cased address, as the agents table's index keys them. */
    private final Map<String, Set<String>> reports = Map.of("boss@example.com", Set.of("ana", "bo"));
    private final Map<String, Set<String>> teamsOfAgent = Map.of("ana", Set.of("emea"), "bo", Set.of("apac", "emea"),
            "cy", Set.of("amer"));
    private final Viewers viewers = new Viewers(List.of(" Lead@Example.com ", ""), new ManagedAgents() {
        @Override
        public Set<String> reportingTo(String managerEmail) {
            return reports.getOrDefault(managerEmail, Set.of());
        }

        @Override
        public boolean managesAnyone(String managerEmail) {
            return reports.containsKey(managerEmail);
        }
    }, this::teamsOf);

    @Test
    void anAdminIsKnownWhateverTheCaseAndSeesEverything() {
        assertThat(viewers.maySignIn("LEAD@example.COM")).isTrue();
        assertThat(viewers.viewerFor("lead@example.com")).contains(Viewer.admin("lead@example.com"));
        assertThat(viewers.viewerFor("lead@example.com").orElseThrow().sees("any-team")).isTrue();
    }

    @Test
    void aManagerSeesTheTeamsOfTheirAgentsOnly() {
        Viewer boss = viewers.viewerFor("Boss@Example.com").orElseThrow();

        assertThat(boss.admin()).isFalse();
        assertThat(boss.teams()).containsExactlyInAnyOrder("emea", "apac");
        assertThat(boss.sees("amer")).isFalse();
    }

    @Test
    void anyoneElseMayNotSignIn() {
        assertThat(viewers.maySignIn("stranger@example.com")).isFalse();
        assertThat(viewers.maySignIn("")).isFalse();
        assertThat(viewers.viewerFor("stranger@example.com")).isEmpty();
    }

    private Set<String> teamsOf(Collection<String> agents) {
        Set<String> teams = new TreeSet<>();
        agents.forEach(agent -> teams.addAll(teamsOfAgent.getOrDefault(agent, Set.of())));
        return teams;
    }
}
