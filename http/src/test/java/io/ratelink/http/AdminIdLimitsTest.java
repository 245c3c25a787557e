package io.ratelink.http;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.ApplicationTraffic;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Ids the database would refuse as keys are the caller's mistake: every id the admin API takes in a path or a query
 * is checked first, and an oversized one is a {@code 400} naming the limit, never sent to DynamoDB.
 */
@QuarkusTest
class AdminIdLimitsTest {

    /** Longer than DynamoDB takes as a key (2,048 bytes), shorter than a request line may be (4,096). */
    private static final String OVERSIZED = "a".repeat(3000);
    private static final String ID_LIMIT = "must be printable and at most 64 characters";

    @BeforeEach
    void forgetEarlierRequests() {
        ApplicationTraffic.clear();
    }

    private static void refusedBeforeTheDatabase(ValidatableResponse answer, String table) {
        answer.statusCode(400).contentType(ContentType.JSON);
        assertThat(ApplicationTraffic.operationsOn(table)).isEmpty();
    }

    @Test
    void anOversizedAgentIdIsRefusedOnReadAndWrite() {
        refusedBeforeTheDatabase(Api.admin().get("/v1/agents/{id}", OVERSIZED).then()
                .body("errors", contains("the agent id " + ID_LIMIT)), "ratelink-agents");
        refusedBeforeTheDatabase(Api.admin().contentType(ContentType.JSON)
                .body(Map.of("name", "Ana", "email", "ana@example.com")).put("/v1/agents/{id}", OVERSIZED).then()
                .body("errors", contains("the agent id " + ID_LIMIT)), "ratelink-agents");
    }

    @Test
    void oversizedAgentAndTeamIdsInTheRatingsFilterAreRefused() {
        refusedBeforeTheDatabase(Api.admin().queryParam("agentId", OVERSIZED).get("/v1/ratings").then()
                .body("errors", contains("agentId " + ID_LIMIT)), "ratelink-ratings");
        refusedBeforeTheDatabase(Api.admin().accept("text/csv").queryParam("teamId", OVERSIZED).get("/v1/ratings").then()
                .body("errors", contains("teamId " + ID_LIMIT)), "ratelink-ratings");
    }

    @Test
    void anOversizedDimensionIdInTheScoresQueryIsRefused() {
        refusedBeforeTheDatabase(Api.admin().queryParam("dimension", "agent:" + OVERSIZED).get("/v1/scores").then()
                .body("errors", contains("the dimension's ID " + ID_LIMIT)), "ratelink-scores");
        refusedBeforeTheDatabase(Api.admin().queryParam("dimension", "team:" + OVERSIZED).queryParam("scale", "CSAT_5")
                .get("/v1/scores").then().body("errors", contains("the dimension's ID " + ID_LIMIT)), "ratelink-scores");
    }

    @Test
    void anEscalationIdThatIsNotOneIsRefusedOnReadAndRetry() {
        String oversized = OVERSIZED + ".e000000000000";
        refusedBeforeTheDatabase(Api.admin().get("/v1/escalations/{id}", oversized).then()
                .body("errors", hasItem(startsWith("the id must be an escalation's id"))),
                "ratelink-escalations");
        refusedBeforeTheDatabase(Api.admin().post("/v1/escalations/{id}/retry", oversized).then()
                .body("errors", hasItem(startsWith("the id must be an escalation's id"))),
                "ratelink-escalations");
    }

    @Test
    void anOversizedEscalationCursorIsRefused() {
        refusedBeforeTheDatabase(Api.admin().queryParam("after", OVERSIZED).get("/v1/escalations").then()
                .body("errors", contains("after must be the cursor of a previous page (at most 256 characters)")),
                "ratelink-escalations");
    }

    @Test
    void everyProblemOfAQueryIsNamedInOneAnswer() {
        Api.admin().queryParam("scale", "CSAT_9").queryParam("window", "1y").queryParam("dimension", "galaxy")
                .get("/v1/scores").then().statusCode(400)
                .body("errors", contains(equalTo("dimension must be org, team:ID or agent:ID"),
                        equalTo("window must be one of [7d, 30d, 90d, all]"), startsWith("scale must be one of [CSAT_5, ")));
    }
}
