package io.ratelink.http.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.Surveys;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture function driven with API Gateway HTTP API (payload 2.0) events exactly as AWS sends them, posted
 * to the Lambda mock event server, which hands them to the function's handler and returns its raw answer.
 */
@QuarkusTest
class ApiGatewayEventTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RatingStore store;

    @Test
    void aRatingLinkEventIsRecordedAndAnsweredWithTheRomanianThankYouPage() throws IOException {
        JsonPath survey = Surveys.mint("CSAT_5", "ro", "agent-ev", "team-ev");
        String token = Surveys.linkPath(survey, 5).substring(3);

        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", token));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(header(answer, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(body(answer)).contains("lang=\"ro\"").contains("Vă mulțumim pentru părere").contains("Foarte mulțumit");
        Rating rating = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(rating.score()).isEqualTo(5);
    }

    @Test
    void aCommentFormEventWithABase64BodyIsSaved() throws IOException {
        JsonPath survey = Surveys.mint("CSAT_3", "en", "agent-ev", "team-ev");
        String token = Surveys.linkPath(survey, 1).substring(3);
        String form = "score=2&comment=" + java.net.URLEncoder.encode("Took three emails, but solved.", StandardCharsets.UTF_8);

        JsonNode answer = invoke(fixture("apigw-v2-post-comment.json").replace("TOKEN", token)
                .replace("BODY_LENGTH", Integer.toString(form.length()))
                .replace("BASE64_BODY", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8))));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(answer)).contains("your comment reached the team");
        Rating rating = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(rating.score()).isEqualTo(2);
        assertThat(rating.comment()).contains("Took three emails, but solved.");
    }

    @Test
    void aClickFromAMailFilterNetworkSoonAfterSendingIsHeldUntilThePersonConfirmsOnThePage() throws IOException {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-ev", "team-ev");
        String token = Surveys.linkPath(survey, 1).substring(3);
        String isolationService = "104.47.58.12";

        JsonNode held = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", token)
                .replace("203.0.113.24", isolationService));

        assertThat(held.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(held)).contains("Is this your rating?").contains("<form method=\"post\" class=\"confirm\">");
        Rating suspect = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(suspect.status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(suspect.statusReason()).get().asString()
                .contains("mail-filter-network (104.47.0.0/17 Microsoft Exchange Online Protection)")
                .contains("soon-after-sending");

        String form = "score=1";
        JsonNode confirmed = invoke(fixture("apigw-v2-post-comment.json").replace("TOKEN", token)
                .replace("203.0.113.24", isolationService)
                .replace("BODY_LENGTH", Integer.toString(form.length()))
                .replace("BASE64_BODY", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8))));

        assertThat(confirmed.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(confirmed)).contains("Thank you for your feedback");
        Rating counted = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(counted.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(counted.statusReason()).isEmpty();
    }

    @Test
    void aTamperedLinkEventGetsTheFriendlyPageNotAnError() throws IOException {
        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", "eyJhbGciOiJub25lIn0.e30."));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(answer)).contains("This rating link does not work");
    }

    private static JsonNode invoke(String event) throws IOException {
        String raw = given().body(event).post("/_lambda_").then().extract().asString();
        return JSON.readTree(raw);
    }

    private static String body(JsonNode answer) {
        String body = answer.get("body").asText();
        return answer.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    private static String header(JsonNode answer, String name) {
        var headers = answer.get("headers").fields();
        while (headers.hasNext()) {
            var header = headers.next();
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().asText();
            }
        }
        return null;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ApiGatewayEventTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
