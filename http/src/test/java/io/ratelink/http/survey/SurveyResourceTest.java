package io.ratelink.http.survey;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.Surveys;
import io.ratelink.survey.LinkCheck;
import io.ratelink.survey.LinkSigner;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class SurveyResourceTest {

    @Inject
    LinkSigner signer;

    @Test
    void mintingGivesOneSignedLinkPerAnswerAndAnEmailSafeWidget() {
        JsonPath survey = Surveys.mint("NPS", "en", "agent-7", "team-2");

        List<Map<String, Object>> links = survey.getList("links");
        assertThat(links).hasSize(11);
        assertThat(survey.getString("surveyId")).matches("[A-Za-z0-9_-]{22}");
        for (Map<String, Object> link : links) {
            String url = (String) link.get("url");
            assertThat(url).startsWith("http://localhost:8081/r/");
            LinkCheck check = signer.verify(url.substring(url.indexOf("/r/") + 3));
            assertThat(check).isInstanceOf(LinkCheck.Valid.class);
            assertThat(((LinkCheck.Valid) check).claims().score()).isEqualTo(link.get("score"));
            assertThat(((LinkCheck.Valid) check).claims().surveyId()).isEqualTo(survey.getString("surveyId"));
        }
        String html = survey.getString("html");
        assertThat(html).startsWith("<table role=\"presentation\" lang=\"en\" dir=\"ltr\"")
                .doesNotContain("<script").doesNotContain("<style").doesNotContain("class=")
                .contains("How likely are you to recommend us to a friend or colleague?")
                .contains("Not at all likely").contains("Extremely likely");
        assertThat(survey.getString("text")).contains("0 – Not at all likely: http://localhost:8081/r/");
    }

    @Test
    void persianWidgetsAreRightToLeft() {
        JsonPath survey = Surveys.mint("CSAT_3", "fa", "agent-7", "team-2");

        assertThat(survey.getString("locale")).isEqualTo("fa");
        assertThat(survey.getString("html")).contains("lang=\"fa\" dir=\"rtl\"").contains("کار ما چطور بود؟");
    }

    @Test
    void anUnknownLanguageIsAnsweredInEnglish() {
        JsonPath survey = Surveys.mint("THUMBS", "sw", "agent-7", "team-2");

        assertThat(survey.getString("locale")).isEqualTo("en");
        assertThat(survey.getString("html")).contains("Was this helpful?");
    }

    @Test
    void mintingWithoutTheApiKeyIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("ticketId", "1")).post("/v1/surveys")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("wrong-key").contentType(ContentType.JSON).body(Map.of("ticketId", "1")).post("/v1/surveys")
                .then().statusCode(401);
    }

    @Test
    void anIncompleteRequestIsAnsweredWithEveryProblem() {
        given().auth().oauth2(Surveys.API_KEY).contentType(ContentType.JSON)
                .body(Map.of("ticketId", "T-1", "customerRef", "jane@example.com", "scale", "STARS_11", "expiresInDays", 900))
                .post("/v1/surveys")
                .then().statusCode(400)
                .body("errors", hasItem("agentId is required"))
                .body("errors", hasItem("teamId is required"))
                .body("errors", hasItem(containsString("scale must be one of")))
                .body("errors", hasItem(containsString("not an email address")))
                .body("errors", hasItem("expiresInDays must be between 1 and 365"));
    }

    @Test
    void aMalformedBodyIsABadRequestNotAServerError() {
        given().auth().oauth2(Surveys.API_KEY).contentType(ContentType.JSON).body("{not json").post("/v1/surveys")
                .then().statusCode(400);
    }
}
