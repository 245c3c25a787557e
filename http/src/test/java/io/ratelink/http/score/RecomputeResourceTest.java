package io.ratelink.http.score;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.score.store.ScoreStore;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code POST /v1/recompute} hands the run over and answers at once; the run's outcome shows at
 * {@code GET /v1/recompute}. In tests the run goes to a background thread, as without a recompute function.
 */
@QuarkusTest
class RecomputeResourceTest {

    private static final String API_KEY = "Bearer test-api-key";

    @Inject
    ScoreStore scores;

    @Test
    void aFullRebuildIsAnswered202WithWhereItsOutcomeShowsAndShowsThereOnceFinished() {
        JsonPath finished = Recomputes.runAndAwait(API_KEY, "?full=true");

        assertThat(finished.getString("lastMode")).isEqualTo("full");
        assertThat(Instant.parse(finished.getString("lastFinishedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(finished.getString("watermark")).isNotNull();
        assertThat(finished.getBoolean("running")).isFalse();
        assertThat(finished.getString("runningUntil")).isNull();
    }

    @Test
    void theIncrementalRunIsHandedOverToo() {
        assertThat(Recomputes.runAndAwait(API_KEY, "").getString("lastMode")).isEqualTo("incremental");
    }

    @Test
    void whileARunHoldsTheLeaseARequestIsRefusedWith409AndTheStatusSaysItRuns() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant until = now.plus(Duration.ofMinutes(1));
        assertThat(scores.lease().acquire("a-run-elsewhere", now, until)).isPresent();
        try {
            given().header("Authorization", API_KEY).post("/v1/recompute?full=true").then()
                    .statusCode(409)
                    .body("outcome", equalTo("BUSY"))
                    .body("mode", equalTo("FULL"))
                    .body("busyUntil", equalTo(until.toString()))
                    .body("runId", nullValue());
            given().header("Authorization", API_KEY).get("/v1/recompute").then()
                    .statusCode(200)
                    .body("running", equalTo(true))
                    .body("runningUntil", notNullValue());
        } finally {
            scores.lease().release("a-run-elsewhere");
        }
    }

    @Test
    void theStatusNeedsAnApiKey() {
        given().get("/v1/recompute").then().statusCode(401);
    }
}
