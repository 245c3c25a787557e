package io.ratelink.http.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.dashboard.Period;
import io.ratelink.dashboard.Scope;
import io.ratelink.dashboard.access.Viewer;
import io.ratelink.dashboard.store.DashboardReader;
import io.ratelink.http.dashboard.access.DashboardSession;
import io.ratelink.local.DynamoDbTraffic;
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
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * A benchmark, not a test (surefire runs it only when named): the server time of the overview of an organisation of
 * 10 teams × 10 agents with 90 days of day histograms on two scales, written straight into DynamoDB Local, the
 * page's weight and the DynamoDB requests it sends; then the read model alone ({@link DashboardReader#level}), so
 * that what is left of the page's time is the rendering. Prints its figures; asserts nothing about time.
 *
 * <pre>flock /tmp/ratelink-quarkus-tests.lock ./mvnw -B -pl local,core,queue,mail,http test -Dtest=DashboardBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class DashboardBenchmark {

    static final int TEAMS = 10;
    static final int AGENTS_PER_TEAM = 10;
    static final int DAYS = 90;
    static final int WARM_UP = 20;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 50);

    /** The dev-mode stand-ins for the notify and escalate functions, whose requests are not the page's. */
    static final Set<String> BACKGROUND = Set.of("ratings-stream-poller", "escalation-queue-consumer");

    @Inject
    ScoreStore scores;
    @Inject
    Metrics metrics;
    @Inject
    DashboardReader reader;

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

        Viewer admin = Viewer.admin(DashboardSession.ADMIN);
        report("org overview (10 teams in the table)", "/dashboard?window=30d&lang=en",
                () -> reader.level(Scope.org(), Period.ending(today, 30), Optional.empty(), admin));
        report("team overview (10 agents in the table)", "/dashboard?window=30d&team=bench-team-3&lang=en",
                () -> reader.level(Scope.teams(Set.of("bench-team-3")), Period.ending(today, 30), Optional.empty(), admin));
        report("org overview, 90-day window", "/dashboard?window=90d&lang=en",
                () -> reader.level(Scope.org(), Period.ending(today, 90), Optional.empty(), admin));
    }

    private static void report(String what, String path, Supplier<?> readModel) {
        int bytes = 0;
        for (int i = 0; i < WARM_UP; i++) {
            bytes = page(path).length;
        }
        DynamoDbTraffic traffic = DynamoDbTraffic.ofTheApplication();
        traffic.clear();
        page(path);
        String requests = traffic.requests().stream()
                .filter(request -> !BACKGROUND.contains(request.thread()))
                .collect(Collectors.groupingBy(request -> request.operation() + request.name().map(n -> " " + n).orElse(""),
                        TreeMap::new, Collectors.counting())).toString();
        System.out.printf("%s: %s%n", what, timing(ROUNDS, () -> page(path)) + "; page " + String.format("%,d", bytes)
                + " bytes; DynamoDB requests " + requests);
        System.out.printf("%s, read model alone: %s%n", what, timing(ROUNDS, readModel));
    }

    private static String timing(int rounds, Supplier<?> run) {
        long[] micros = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.get();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        return String.format("median %.1f ms, p90 %.1f ms, max %.1f ms over %d requests", micros[rounds / 2] / 1000.0,
                micros[rounds * 9 / 10] / 1000.0, micros[rounds - 1] / 1000.0, rounds);
    }

    private static byte[] page(String path) {
        String html = given().cookie(DashboardSession.COOKIE, DashboardViewers.admin()).get(path)
                .then().statusCode(200).extract().asString();
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
