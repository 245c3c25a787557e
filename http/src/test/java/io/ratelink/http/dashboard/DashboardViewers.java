package io.ratelink.http.dashboard;

import io.ratelink.http.dashboard.access.DashboardSession;
import io.ratelink.score.TeamMember;
import io.ratelink.score.store.ScoreStore;
import io.restassured.http.ContentType;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Tests: the session cookies of the dashboard's viewers, each signed in through the real flow
 * ({@link DashboardSession}): the configured admin, or a manager who sees the given teams because an agent of each
 * reports to them and the rosters say so.
 */
public final class DashboardViewers {

    private static String admin;

    private DashboardViewers() {
    }

    /** The admin's session; signed in once per test run (the test profile's keys do not change). */
    public static synchronized String admin() {
        if (admin == null) {
            admin = DashboardSession.signIn(DashboardSession.ADMIN);
        }
        return admin;
    }

    /** A new manager's session: one agent in each team reports to them. */
    public static String manager(ScoreStore scores, String... teams) {
        String manager = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        for (String team : teams) {
            String agentId = team + "-reports-to-" + manager.substring(0, manager.indexOf('@'));
            given().header("Authorization", "Bearer test-api-key").contentType(ContentType.JSON)
                    .body(Map.of("name", "Agent " + agentId, "email", agentId + "@example.com", "managerEmail", manager,
                            "locale", "en"))
                    .put("/v1/agents/{id}", agentId).then().statusCode(200);
            scores.rosters().record(Arrays.asList(new TeamMember(team, agentId)));
        }
        return DashboardSession.signIn(manager);
    }
}
