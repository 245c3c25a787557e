package io.ratelink.http.rating;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.Surveys;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class RatingsResourceTest {

    @Test
    void ratingsAreListedNewestFirstFilteredByAgentAndLowAndPaged() {
        String agent = "agent-r-" + System.nanoTime();
        List<String> lowSurveys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonPath survey = Surveys.mint("CSAT_5", "en", agent, "team-r");
            boolean low = i % 2 == 0;
            given().header("User-Agent", Surveys.BROWSER).get(Surveys.linkPath(survey, low ? 1 : 5)).then().statusCode(200);
            if (low) {
                lowSurveys.add(0, survey.getString("surveyId"));
            }
        }

        List<String> listed = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = given().auth().oauth2(Surveys.API_KEY).accept("application/json")
                    .queryParam("agentId", agent).queryParam("low", "true").queryParam("limit", 2)
                    .queryParam("cursor", cursor)
                    .get("/v1/ratings").then().statusCode(200).extract().jsonPath();
            listed.addAll(page.getList("ratings.surveyId"));
            assertThat(page.getList("ratings.low", Boolean.class)).doesNotContain(false);
            cursor = page.getString("nextCursor");
        } while (!cursor.isEmpty());

        assertThat(listed).containsExactlyElementsOf(lowSurveys);
    }

    @Test
    void ratingsComeAsCsvWhenAsked() {
        String agent = "agent-csv-" + System.nanoTime();
        JsonPath survey = Surveys.mint("CSAT_3", "en", agent, "team-r");
        given().header("User-Agent", Surveys.BROWSER).formParam("score", "1").formParam("comment", "=HYPERLINK(\"http://evil\"), \"quoted\"")
                .post(Surveys.linkPath(survey, 1)).then().statusCode(200);

        String csv = given().auth().oauth2(Surveys.API_KEY).accept("text/csv").queryParam("agentId", agent)
                .get("/v1/ratings").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("surveyId,changedAt,scale,score,low,status");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(RatingsCsv.cell(survey.getString("surveyId")) + ",")
                .contains(",CSAT_3,1,true,counted,")
                .endsWith(",\"'=HYPERLINK(\"\"http://evil\"\"), \"\"quoted\"\"\"");
    }

    @Test
    void heldRatingsAreListedOnlyWhenAskedAndSayWhyInJsonAndCsv() {
        String agent = "agent-held-" + System.nanoTime();
        JsonPath person = Surveys.mint("CSAT_5", "en", agent, "team-r");
        JsonPath scanned = Surveys.mint("CSAT_5", "en", agent, "team-r");
        given().header("User-Agent", Surveys.BROWSER).get(Surveys.linkPath(person, 4)).then().statusCode(200);
        given().header("User-Agent", "Mozilla/5.0 (compatible; Barracuda Sentinel)").get(Surveys.linkPath(scanned, 1))
                .then().statusCode(200);

        JsonPath byDefault = ratings().queryParam("agentId", agent).get("/v1/ratings").then().statusCode(200).extract().jsonPath();
        JsonPath held = ratings().queryParam("agentId", agent).queryParam("status", "suspect")
                .get("/v1/ratings").then().statusCode(200).extract().jsonPath();
        JsonPath both = ratings().queryParam("agentId", agent).queryParam("includeSuspect", "true")
                .get("/v1/ratings").then().statusCode(200).extract().jsonPath();
        String csv = given().auth().oauth2(Surveys.API_KEY).accept("text/csv").queryParam("agentId", agent)
                .queryParam("status", "suspect").get("/v1/ratings").then().statusCode(200).extract().asString();

        assertThat(byDefault.getList("ratings.surveyId")).containsExactly(person.getString("surveyId"));
        assertThat(held.getList("ratings.surveyId")).containsExactly(scanned.getString("surveyId"));
        assertThat(held.getString("ratings[0].status")).isEqualTo("suspect");
        assertThat(held.getString("ratings[0].statusReason")).startsWith("scanner-agent (Barracuda)");
        assertThat(both.getList("ratings.surveyId")).containsExactlyInAnyOrder(person.getString("surveyId"),
                scanned.getString("surveyId"));
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).contains(",CSAT_5,1,true,suspect,scanner-agent (Barracuda);");
    }

    private static io.restassured.specification.RequestSpecification ratings() {
        return given().auth().oauth2(Surveys.API_KEY).accept("application/json");
    }

    @Test
    void badFiltersAreNamed() {
        given().auth().oauth2(Surveys.API_KEY).accept("application/json")
                .queryParam("scale", "STARS").queryParam("low", "maybe").queryParam("from", "yesterday")
                .queryParam("limit", 5000).queryParam("cursor", "garbage")
                .get("/v1/ratings").then().statusCode(400)
                .body("errors", hasItem(containsString("scale must be one of")))
                .body("errors", hasItem("low must be true or false"))
                .body("errors", hasItem(containsString("from must be a date")))
                .body("errors", hasItem("limit must be between 1 and 1000"));
        given().auth().oauth2(Surveys.API_KEY).accept("application/json")
                .queryParam("status", "held").queryParam("includeSuspect", "yes")
                .get("/v1/ratings").then().statusCode(400)
                .body("errors", hasItem("status must be one of [counted, suspect]"))
                .body("errors", hasItem("includeSuspect must be true or false"));
        given().auth().oauth2(Surveys.API_KEY).accept("application/json").queryParam("cursor", "garbage")
                .get("/v1/ratings").then().statusCode(400).body("errors", hasItem(containsString("cursor")));
    }

    @Test
    void aCursorOutsideTheRangeOrWithAMalformedKeyIsRefusedWithA400() {
        String farFuture = cursor("{\"d\":\"+999999999-12-31\"}");
        String emptySurveyId = cursor("{\"d\":\"2026-11-21\",\"sid\":\"\",\"at\":\"1795251600000\"}");

        given().auth().oauth2(Surveys.API_KEY).accept("application/json").queryParam("cursor", farFuture)
                .get("/v1/ratings").then().statusCode(400).body("errors", hasItem(containsString("from..to")));
        given().auth().oauth2(Surveys.API_KEY).accept("application/json").queryParam("cursor", emptySurveyId)
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/v1/ratings").then().statusCode(400).body("errors", hasItem(containsString("cursor")));
    }

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listingNeedsTheApiKey() {
        given().accept("application/json").get("/v1/ratings").then().statusCode(401);
    }
}
