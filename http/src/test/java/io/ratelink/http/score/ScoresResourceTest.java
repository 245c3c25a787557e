package io.ratelink.http.score;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Scores through the API: surveys minted and clicked, the recompute run on demand, the windows read back. */
@QuarkusTest
class ScoresResourceTest {

    private static final String API_KEY = "Bearer test-api-key";
    /** Numbers as doubles, as the server wrote them (rest-assured reads floats by default). */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @Test
    void clickedRatingsShowInTheTeamsScoresAfterARecompute() {
        String team = "team-" + UUID.randomUUID();
        click(mint(team, "agent-1", "CSAT_5"), 5);
        click(mint(team, "agent-1", "CSAT_5"), 4);
        click(mint(team, "agent-2", "CSAT_5"), 1);

        recompute("");

        JsonPath scores = scores("team:" + team, "CSAT_5", "7d").statusCode(200).extract().jsonPath().using(DOUBLES);
        assertThat(scores.getString("dimension")).isEqualTo("team:" + team);
        assertThat(scores.getString("scale")).isEqualTo("CSAT_5");
        assertThat(scores.getString("window")).isEqualTo("7d");
        assertThat(scores.getLong("n")).isEqualTo(3);
        assertThat(scores.getDouble("metrics.csat.value")).isEqualTo(200.0 / 3);
        assertThat(scores.getDouble("metrics.mean.value")).isEqualTo(10.0 / 3);
        assertThat(scores.getString("interval.metric")).isEqualTo("csat");
        assertThat(scores.getDouble("interval.low")).isLessThan(200.0 / 3);
        assertThat(scores.getDouble("interval.high")).isGreaterThan(200.0 / 3);
        assertThat(scores.getBoolean("lowSample")).isTrue();
        assertThat(scores.getString("computedAt")).isNotBlank();
        assertThat(scores.getMap("counts")).containsEntry("1", 1).containsEntry("4", 1).containsEntry("5", 1);
        scores("agent:agent-2", "CSAT_5", "all").statusCode(200);
    }

    @Test
    void aChangeOfMindMovesTheCountAndAFullRebuildAgreesToTheCount() {
        String team = "team-" + UUID.randomUUID();
        List<Map<String, Object>> links = mint(team, "agent-1", "NPS");
        click(links, 3);
        click(mint(team, "agent-1", "NPS"), 10);
        recompute("");

        changeOnThePage(links, 3, 9);
        recompute("");
        JsonPath incremental = scores("team:" + team, "NPS", "30d").extract().jsonPath().using(DOUBLES);
        assertThat(incremental.getLong("n")).isEqualTo(2);
        assertThat(incremental.getDouble("metrics.nps.value")).isEqualTo(100.0);
        assertThat(incremental.getDouble("metrics.detractorsPct.value")).isEqualTo(0.0);

        recompute("?full=true");
        JsonPath rebuilt = scores("team:" + team, "NPS", "30d").extract().jsonPath().using(DOUBLES);
        assertThat(rebuilt.getMap("counts")).isEqualTo(incremental.getMap("counts"));
        assertThat(rebuilt.getMap("metrics")).isEqualTo(incremental.getMap("metrics"));
    }

    @Test
    void withoutAScaleEveryScaleIsListedWithTheHappinessIndexAndItsWeights() {
        String agent = "agent-" + UUID.randomUUID();
        click(mint("team-x", agent, "CSAT_3"), 3);
        click(mint("team-x", agent, "CES_7"), 6);
        recompute("");

        JsonPath all = given().header("Authorization", API_KEY)
                .queryParam("dimension", "agent:" + agent).queryParam("window", "all")
                .get("/v1/scores").then().statusCode(200).extract().jsonPath().using(DOUBLES);

        assertThat(all.getList("scales.scale")).containsExactly("CSAT_3", "CES_7");
        assertThat(all.getDouble("chi.value")).isCloseTo(100.0, within(1e-9));
        assertThat(all.getDouble("chi.weights.csat")).isCloseTo(0.4 / 0.7, within(1e-12));
        assertThat(all.getDouble("chi.weights.nps")).isEqualTo(0.0);
        assertThat(all.getDouble("chi.configuredWeights.csat")).isEqualTo(0.4);
        assertThat(all.getDouble("chi.configuredWeights.ces")).isEqualTo(0.3);
        assertThat(all.getDouble("chi.configuredWeights.nps")).isEqualTo(0.3);
        assertThat(all.getBoolean("chi.lowSample")).isTrue();
    }

    @Test
    void aDimensionWithoutAnswersHasNoNumbersButSaysSo() {
        JsonPath none = scores("team:nobody-" + UUID.randomUUID(), "PMF", "90d").statusCode(200).extract().jsonPath().using(DOUBLES);

        assertThat(none.getLong("n")).isZero();
        assertThat(none.getString("metrics.pmf.value")).isNull();
        assertThat(none.getBoolean("lowSample")).isTrue();
    }

    @Test
    void badParametersAreNamedAndNoApiKeyIsRefused() {
        given().header("Authorization", API_KEY).queryParam("dimension", "region:eu").queryParam("window", "1y")
                .queryParam("scale", "STARS")
                .get("/v1/scores").then().statusCode(400)
                .body("errors", hasItem("dimension must be org, team:ID or agent:ID"))
                .body("errors.size()", equalTo(3));
        given().get("/v1/scores").then().statusCode(401);
        given().post("/v1/recompute").then().statusCode(401);
    }

    private static io.restassured.response.ValidatableResponse scores(String dimension, String scale, String window) {
        return given().header("Authorization", API_KEY)
                .queryParam("dimension", dimension).queryParam("scale", scale).queryParam("window", window)
                .get("/v1/scores").then();
    }

    /** Asks for a run and waits until {@code GET /v1/recompute} shows it finished. */
    private static void recompute(String query) {
        Recomputes.runAndAwait(API_KEY, query);
    }

    private static List<Map<String, Object>> mint(String team, String agent, String scale) {
        return given().header("Authorization", API_KEY).contentType(ContentType.JSON)
                .body(Map.of("ticketId", "ticket-" + UUID.randomUUID(), "agentId", agent, "teamId", team,
                        "customerRef", "c-1", "scale", scale, "locale", "en"))
                .post("/v1/surveys").then().statusCode(201).extract().jsonPath().getList("links");
    }

    /** A change of mind given on the thank-you page, as a person makes it (two links clicked within seconds look like a scanner). */
    private static void changeOnThePage(List<Map<String, Object>> links, int clicked, int chosen) {
        given().header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0").formParam("score", chosen)
                .post(URI.create(url(links, clicked)).getPath()).then().statusCode(200);
    }

    private static String url(List<Map<String, Object>> links, int score) {
        return links.stream().filter(link -> ((Number) link.get("score")).intValue() == score)
                .map(link -> (String) link.get("url")).findFirst().orElseThrow();
    }

    private static void click(List<Map<String, Object>> links, int score) {
        String url = links.stream().filter(link -> ((Number) link.get("score")).intValue() == score)
                .map(link -> (String) link.get("url")).findFirst().orElseThrow();
        given().header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")
                .get(URI.create(url).getPath()).then().statusCode(200);
    }
}
