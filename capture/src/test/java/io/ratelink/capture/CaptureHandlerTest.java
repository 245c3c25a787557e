package io.ratelink.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import io.ratelink.local.DynamoDbTraffic;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capture function driven with API Gateway HTTP API (payload 2.0) events exactly as AWS sends them, posted
 * to the Lambda mock event server, which hands them to the function's handler and returns its raw answer.
 */
@QuarkusTest
class CaptureHandlerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RatingStore store;

    @Inject
    LinkSigner signer;

    @Test
    void aRatingLinkEventIsRecordedAndAnsweredWithTheRomanianThankYouPage() throws IOException {
        SurveyClaims survey = survey(Scale.CSAT_5, 5, "ro");
        String token = signer.mint(survey);

        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", token));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(header(answer, "Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(body(answer)).contains("lang=\"ro\"").contains("Vă mulțumim pentru părere").contains("Foarte mulțumit");
        Rating rating = store.find(survey.surveyId()).orElseThrow();
        assertThat(rating.score()).isEqualTo(5);
    }

    @Test
    void aCommentFormEventWithABase64BodyIsSaved() throws IOException {
        SurveyClaims survey = survey(Scale.CSAT_3, 1, "en");
        String token = signer.mint(survey);
        String form = "score=2&comment=" + java.net.URLEncoder.encode("Took three emails, but solved.", StandardCharsets.UTF_8);

        JsonNode answer = invoke(fixture("apigw-v2-post-comment.json").replace("TOKEN", token)
                .replace("BODY_LENGTH", Integer.toString(form.length()))
                .replace("BASE64_BODY", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8))));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(answer)).contains("your comment reached the team");
        Rating rating = store.find(survey.surveyId()).orElseThrow();
        assertThat(rating.score()).isEqualTo(2);
        assertThat(rating.comment()).contains("Took three emails, but solved.");
    }

    @Test
    void aClickFromAMailFilterNetworkSoonAfterSendingIsHeldUntilThePersonConfirmsOnThePage() throws IOException {
        SurveyClaims survey = survey(Scale.CSAT_5, 1, "en");
        String token = signer.mint(survey);
        String isolationService = "104.47.58.12";

        JsonNode held = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", token)
                .replace("203.0.113.24", isolationService));

        assertThat(held.get("statusCode").asInt()).isEqualTo(200);
        assertThat(body(held)).contains("Is this your rating?").contains("<form method=\"post\" class=\"confirm\">");
        Rating suspect = store.find(survey.surveyId()).orElseThrow();
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
        Rating counted = store.find(survey.surveyId()).orElseThrow();
        assertThat(counted.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(counted.statusReason()).isEmpty();
    }

    @Test
    void behindATrustedProxyTheClickIsJudgedByTheAddressItForwards() throws IOException {
        SurveyClaims survey = survey(Scale.CSAT_5, 1, "en");
        String proxy = "198.51.100.7";

        invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", signer.mint(survey))
                .replace("\"sourceIp\": \"203.0.113.24\"", "\"sourceIp\": \"" + proxy + "\"")
                .replace("\"x-forwarded-for\": \"203.0.113.24\"", "\"x-forwarded-for\": \"104.47.58.12\""));

        Rating rating = store.find(survey.surveyId()).orElseThrow();
        assertThat(rating.status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(rating.statusReason()).get().asString().contains("mail-filter-network (104.47.0.0/17");
    }

    @Test
    void aTamperedLinkEventGetsTheFriendlyPageNotAnError() throws IOException {
        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", "eyJhbGciOiJub25lIn0.e30."));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
        assertThat(body(answer)).contains("This rating link does not work");
    }

    @Test
    void aHeadEventRecordsNothingAndAnswersWithoutABody() throws IOException {
        SurveyClaims survey = survey(Scale.NPS, 9, "en");
        DynamoDbTraffic.ofTheApplication().clear();

        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", signer.mint(survey))
                .replace("\"method\": \"GET\"", "\"method\": \"HEAD\""));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
        assertThat(header(answer, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(body(answer)).isEmpty();
        assertThat(DynamoDbTraffic.ofTheApplication().requests()).isEmpty();
        assertThat(store.find(survey.surveyId())).isEmpty();
    }

    @Test
    void aBrowsersPrefetchIsRefusedSoThePersonsOwnClickIsTheOneRecorded() throws IOException {
        SurveyClaims survey = survey(Scale.CSAT_5, 4, "en");

        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("TOKEN", signer.mint(survey))
                .replace("\"sec-fetch-dest\": \"document\"", "\"sec-purpose\": \"prefetch\""));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(503);
        assertThat(header(answer, "Retry-After")).isEqualTo("0");
        assertThat(store.find(survey.surveyId())).isEmpty();
    }

    @Test
    void aFormPostedWithoutTheFormsContentTypeIsRefusedAndRecordsNothing() throws IOException {
        SurveyClaims survey = survey(Scale.CSAT_3, 1, "en");
        String body = "{\"score\": 1}";

        JsonNode answer = invoke(fixture("apigw-v2-post-comment.json").replace("TOKEN", signer.mint(survey))
                .replace("application/x-www-form-urlencoded", "application/json")
                .replace("BODY_LENGTH", Integer.toString(body.length()))
                .replace("BASE64_BODY", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8))));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(415);
        assertThat(store.find(survey.surveyId())).isEmpty();
    }

    @Test
    void aPathThatIsNotARatingLinkIsNotFound() throws IOException {
        JsonNode answer = invoke(fixture("apigw-v2-get-rating-link.json").replace("/r/TOKEN", "/v1/ratings"));

        assertThat(answer.get("statusCode").asInt()).isEqualTo(404);
        assertThat(header(answer, "Content-Security-Policy")).startsWith("default-src 'none'");
    }

    private static SurveyClaims survey(Scale scale, int score, String locale) {
        Instant now = Instant.now();
        return new SurveyClaims(SurveyIds.next(), score, scale, locale, "T-" + System.nanoTime(), "agent-ev", "team-ev",
                "cust-ev", now, now.plus(Duration.ofDays(30)));
    }

    private static JsonNode invoke(String event) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        String raw = given().port(port).body(event).post("/_lambda_").then().statusCode(200).extract().asString();
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
        try (InputStream in = CaptureHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
