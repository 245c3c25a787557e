package io.ratelink.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.local.PackagedFunction;
import io.ratelink.rating.Rating;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SigningKeys;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function.zip on its own, as Lambda runs it (its classes and lib/ the whole class path, the production
 * profile), fed API Gateway HTTP API events: a click recorded and answered with the survey's page, a comment saved, a
 * tampered link refused. The module's other tests run with the whole test class path; this one shows that nothing the
 * function needs was left out of the zip.
 */
class PackagedFunctionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_KEY = "packaged-signing-key-0123456789abcdef";

    @Test
    void theZipAloneRecordsAClickAndACommentAndRefusesATamperedLink() throws Exception {
        Instant now = Instant.now();
        SurveyClaims survey = new SurveyClaims(SurveyIds.next(), 5, Scale.CSAT_5, "ro", "T-4711", "ana", "emea", "c-1",
                now, now.plus(Duration.ofDays(30)));
        String token = new LinkSigner(SigningKeys.of("k1", Map.of("k1", SIGNING_KEY)), Clock.systemUTC()).mint(survey);
        String form = "score=2&comment=" + URLEncoder.encode("Took three emails.", StandardCharsets.UTF_8);
        try (PackagedFunction function = PackagedFunction.start(Path.of("target", "function.zip"), Map.of(
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", EmbeddedDynamoDb.endpoint(),
                "RATELINK_TABLES_CREATE", "true",
                "RATELINK_BASE_URL", "https://rate.example.com",
                "RATELINK_SIGNING_ACTIVE_KID", "k1",
                "RATELINK_SIGNING_KEYS_K1", SIGNING_KEY));
                DynamoDbClient dynamo = EmbeddedDynamoDb.client()) {
            JsonNode click = call(function, event("apigw-v2-get-rating-link.json").replace("TOKEN", token));
            JsonNode comment = call(function, event("apigw-v2-post-comment.json").replace("TOKEN", token)
                    .replace("BODY_LENGTH", Integer.toString(form.length()))
                    .replace("BASE64_BODY", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8))));
            JsonNode tampered = call(function, event("apigw-v2-get-rating-link.json")
                    .replace("TOKEN", token.substring(0, token.length() - 2) + "xx"));

            assertThat(click.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(click.path("body").asText()).contains("lang=\"ro\"").contains("Foarte mulțumit");
            assertThat(comment.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(tampered.path("statusCode").asInt()).as(function.output()).isEqualTo(400);
            Rating rating = new RatingStore(dynamo, "ratelink-ratings", Duration.ofDays(1095)).find(survey.surveyId())
                    .orElseThrow();
            assertThat(rating.score()).isEqualTo(2);
            assertThat(rating.comment()).contains("Took three emails.");
        }
    }

    private static JsonNode call(PackagedFunction function, String event) throws Exception {
        PackagedFunction.Result result = function.invoke(event);
        assertThat(result.failed()).as("%s%n%s", result.body(), function.output()).isFalse();
        return JSON.readTree(result.body());
    }

    private static String event(String name) throws IOException {
        try (InputStream in = PackagedFunctionIT.class.getClassLoader().getResourceAsStream("events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
