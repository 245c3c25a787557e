package io.ratelink.http.score;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** A recompute asked for through the API, which runs it in the background, and awaited through the API. */
final class Recomputes {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Recomputes() {
    }

    /** {@code POST /v1/recompute{query}} (202), then {@code GET /v1/recompute} until the run has finished. */
    static JsonPath runAndAwait(String authorization, String query) {
        String finishedBefore = status(authorization).getString("lastFinishedAt");
        given().header("Authorization", authorization).post("/v1/recompute" + query).then()
                .statusCode(202)
                .header("Location", endsWith("/v1/recompute"))
                .body("outcome", equalTo("STARTED"));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath status = status(authorization);
            if (!status.getBoolean("running") && !Objects.equals(status.getString("lastFinishedAt"), finishedBefore)) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the recompute asked for with " + query + " did not finish within " + PATIENCE);
    }

    static JsonPath status(String authorization) {
        return given().header("Authorization", authorization).get("/v1/recompute").then().statusCode(200)
                .extract().jsonPath();
    }
}
