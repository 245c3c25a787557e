package io.ratelink.http.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.dashboard.access.DashboardSession;
import io.ratelink.score.Histogram;
import io.ratelink.score.Metrics;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.survey.Scale;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;

import static io.restassured.RestAssured.given;

/**
 * A benchmark, not a test (surefire runs it only when named): the server time of the overview of an organisation of
 * 10 teams × 10 agents with 90 days of day histograms on two scales, written straight into DynamoDB Local, and the
 * page's weight. Prints its figures; asserts nothing about time.
 *
 * <pre>flock /tmp/ratelink-quarkus-tests.lock ./mvnw -B -pl local,core,http test -Dtest=DashboardBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class DashboardBenchmark {

    static final int TEAMS = 10;
    static final int AGENTS_PER_TEAM = 10;
    static final int DAYS = 90;
    static final int WARM_UP = 20;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 50);

    @Inject
    ScoreStore scores;
    @Inject
    Metrics metrics;

    @Test
    void overviewOfAnOrganisationOf100AgentsWith90DaysOfScores() {
        Random random = new Random(1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long filling = System.nanoTime();
        for (int team = 0; team < TEAMS; team++) {
            DashboardData data = new DashboardData(scores, metrics, today);
            for (int agent = 0; agent < AGENTS_PER_TEAM; agent++) {
                for (int day = 0; day < DAYS; day++) {
                    long[] csat = {random.nextInt(2), random.nextInt(2), random.nextInt(3), random.nextInt(4), random.nextInt(6)};
                    data.answers("bench-team-" + team, "bench-agent-" + team + "-" + agent, Scale.CSAT_5, day,
                            Histogram.of(Scale.CSAT_5, csat), true);
                    long[] nps = new long[11];
                    nps[random.nextInt(11)] = 1 + random.nextInt(2);
                    data.answers("bench-team-" + team, "bench-agent-" + team + "-" + agent, Scale.NPS, day,
                            Histogram.of(Scale.NPS, nps), true);
                }
            }
            data.write();
        }
        System.out.printf("filled %d agents × %d days × 2 scales in %d ms%n", TEAMS * AGENTS_PER_TEAM, DAYS,
                (System.nanoTime() - filling) / 1_000_000);

        report("org overview (10 teams in the table)", "/dashboard?window=30d&lang=en");
        report("team overview (10 agents in the table)", "/dashboard?window=30d&team=bench-team-3&lang=en");
        report("org overview, 90-day window", "/dashboard?window=90d&lang=en");
    }

    private static void report(String what, String path) {
        int bytes = 0;
        for (int i = 0; i < WARM_UP; i++) {
            bytes = page(path).length;
        }
        long[] millis = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            page(path);
            millis[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(millis);
        System.out.printf("%s: median %.1f ms, p90 %.1f ms, max %.1f ms over %d requests; page %,d bytes%n", what,
                millis[ROUNDS / 2] / 1000.0, millis[ROUNDS * 9 / 10] / 1000.0, millis[ROUNDS - 1] / 1000.0, ROUNDS, bytes);
    }

    private static byte[] page(String path) {
        String html = given().cookie(DashboardSession.COOKIE, DashboardViewers.admin()).get(path)
                .then().statusCode(200).extract().asString();
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
