package io.ratelink.dashboard.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NextPathTest {

    @Test
    void dashboardPathsWithTheirQueriesAreTaken() {
        assertThat(NextPath.of("/dashboard")).contains("/dashboard");
        assertThat(NextPath.of("/dashboard/teams/emea?window=30d&scale=CSAT_5")).contains("/dashboard/teams/emea?window=30d&scale=CSAT_5");
        assertThat(NextPath.of("/dashboard/ratings/q2mP1o4nR0S6xk5T-ZBv7w")).contains("/dashboard/ratings/q2mP1o4nR0S6xk5T-ZBv7w");
    }

    @Test
    void anythingThatCouldLeaveTheDashboardIsRefused() {
        for (String elsewhere : new String[] { null, "", "https://evil.example/dashboard", "//evil.example/dashboard",
                "/\\evil.example", "/v1/ratings", "/dashboardx", "/dashboard/../v1/ratings", "/dashboard/%2e%2e/v1",
                "/dashboard//evil.example", "dashboard", "/dashboard/a b", "/dashboard\r\nSet-Cookie: x",
                "/dashboard/" + "a".repeat(NextPath.MAX_LENGTH) }) {
            assertThat(NextPath.of(elsewhere)).as(elsewhere).isEmpty();
        }
    }
}
