package io.ratelink.dashboard;

import io.ratelink.dashboard.access.Viewer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    private final Viewer admin = Viewer.admin("lead@example.com");
    private final Viewer manager = Viewer.manager("mia@example.com", Set.of("emea", "apac"));

    @Test
    void everyoneSeesTheOrganisationsTotals() {
        assertThat(Access.mayOpen(manager, Scope.org(), List.of())).isTrue();
        assertThat(Access.mayOpen(Viewer.manager("new@example.com", Set.of()), Scope.org(), List.of())).isTrue();
    }

    @Test
    void aManagerOpensTheirTeamsAndNoOtherAndAnAdminOpensAll() {
        assertThat(Access.mayOpen(manager, Scope.teams(Set.of("emea", "apac")), List.of())).isTrue();
        assertThat(Access.mayOpen(manager, Scope.teams(Set.of("emea", "amer")), List.of())).isFalse();
        assertThat(Access.mayOpen(admin, Scope.teams(Set.of("amer")), List.of())).isTrue();
    }

    @Test
    void aManagerOpensAnAgentOnlyWhenTheAgentAnsweredForOneOfTheirTeams() {
        assertThat(Access.mayOpen(manager, Scope.agent("ana"), List.of("amer", "emea"))).isTrue();
        assertThat(Access.mayOpen(manager, Scope.agent("bob"), List.of("amer"))).isFalse();
        assertThat(Access.mayOpen(manager, Scope.agent("nobody"), List.of())).isFalse();
        assertThat(Access.mayOpen(admin, Scope.agent("nobody"), List.of())).isTrue();
    }

    @Test
    void listsOfRatingsKeepToTheChosenTeamsOrTheManagersTeams() {
        assertThat(Access.ratingTeams(admin, Scope.org())).isEmpty();
        assertThat(Access.ratingTeams(manager, Scope.org())).contains(Set.of("emea", "apac"));
        assertThat(Access.ratingTeams(manager, Scope.agent("ana"))).contains(Set.of("emea", "apac"));
        assertThat(Access.ratingTeams(admin, Scope.teams(Set.of("amer")))).isEqualTo(Optional.of(Set.of("amer")));
    }
}
