package io.ratelink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.Session;
import io.ratelink.delivery.sqs.DueTaskMessages;
import io.ratelink.local.AwsStandIn;
import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.local.EmbeddedSqs;
import io.ratelink.local.PackagedFunction;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.SigningKeys;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function.zip on its own, as Lambda runs it (its classes and lib/ the whole class path, the production
 * profile), fed API Gateway HTTP API events: a survey minted, the admin API's CSV and scores, a run handed to the
 * recompute function, a sign-in link put on the queue, and the dashboard's overview; a rating link records nothing
 * here (it is the capture function's) and gets the page of a link that does not work. The
 * module's other tests run with the whole test class path (and the mail module); this one shows that nothing the
 * function needs was left out of the zip.
 */
class PackagedFunctionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "packaged-api-key";
    private static final String DASHBOARD_KEY = "packaged-dashboard-key-0123456789abcdef";
    private static final String ADMIN = "admin@ratelink.test";

    @Test
    void theZipAloneServesTheAdminApiSignInAndTheDashboardButNoRatingLink() throws Exception {
        SqsClient sqs = EmbeddedSqs.client();
        sqs.purgeQueue(request -> request.queueUrl(EmbeddedSqs.escalationQueueUrl()));
        try (AwsStandIn lambda = AwsStandIn.lambdaInvoke();
                PackagedFunction function = PackagedFunction.start(Path.of("target", "function.zip"), environment(lambda))) {
            JsonNode minted = json(call(function, "POST", "/v1/surveys", "", apiKey(Map.of("content-type", "application/json")),
                    "{\"ticketId\":\"4711\",\"agentId\":\"ana\",\"teamId\":\"emea\",\"customerRef\":\"c-1\","
                            + "\"scale\":\"CSAT_5\",\"locale\":\"ro\"}"), 201, function);
            String path = minted.path("links").get(0).path("url").asText().replace("https://rate.example.com", "");

            JsonNode click = call(function, "GET", path, "", Map.of("accept", "text/html"), null);
            JsonNode csv = call(function, "GET", "/v1/ratings", "teamId=emea", apiKey(Map.of("accept", "text/csv")), null);
            JsonNode scores = call(function, "GET", "/v1/scores", "dimension=org", apiKey(Map.of()), null);
            JsonNode recompute = call(function, "POST", "/v1/recompute", "", apiKey(Map.of()), null);
            JsonNode signIn = call(function, "POST", "/dashboard/sign-in", "", Map.of("content-type",
                    "application/x-www-form-urlencoded", "sec-fetch-site", "same-origin"), "email=" + ADMIN + "&lang=en");
            JsonNode dashboard = call(function, "GET", "/dashboard", "window=30d", Map.of("cookie", "ratelink_session="
                    + session()), null);

            assertThat(click.path("statusCode").asInt()).as("the link's page, not its click").isEqualTo(400);
            assertThat(body(click)).contains("This rating link does not work");
            try (DynamoDbClient dynamo = EmbeddedDynamoDb.client()) {
                assertThat(new RatingStore(dynamo, "ratelink-ratings", Duration.ofDays(1095))
                        .find(minted.path("surveyId").asText())).as("no click recorded").isEmpty();
            }
            assertThat(csv.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(body(csv)).startsWith("surveyId,");
            assertThat(scores.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(recompute.path("statusCode").asInt()).as(function.output()).isEqualTo(202);
            assertThat(lambda.requests()).hasSize(1);
            assertThat(signIn.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(dashboard.path("statusCode").asInt()).as(function.output()).isEqualTo(200);
            assertThat(body(dashboard)).contains("</html>");
        }
        List<Message> queued = sqs.receiveMessage(request -> request.queueUrl(EmbeddedSqs.escalationQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(5)).messages();
        assertThat(queued).singleElement().satisfies(message ->
                assertThat(DueTaskMessages.read(message.body()).kind()).isEqualTo("sign-in"));
    }

    private static Map<String, String> environment(AwsStandIn lambda) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", EmbeddedDynamoDb.endpoint());
        environment.put("RATELINK_TABLES_CREATE", "true");
        environment.put("RATELINK_SQS_ENDPOINT_OVERRIDE", EmbeddedSqs.endpoint());
        environment.put("RATELINK_ESCALATION_QUEUE_URL", EmbeddedSqs.escalationQueueUrl());
        environment.put("RATELINK_RECOMPUTE_FUNCTION", "ratelink-recompute");
        environment.put("AWS_ENDPOINT_URL_LAMBDA", lambda.endpoint().toString());
        environment.put("RATELINK_BASE_URL", "https://rate.example.com");
        environment.put("RATELINK_API_KEYS", API_KEY);
        environment.put("RATELINK_SIGNING_ACTIVE_KID", "k1");
        environment.put("RATELINK_SIGNING_KEYS_K1", "packaged-signing-key-0123456789abcdef");
        environment.put("RATELINK_DASHBOARD_SIGNING_ACTIVE_KID", "d1");
        environment.put("RATELINK_DASHBOARD_SIGNING_KEYS_D1", DASHBOARD_KEY);
        environment.put("RATELINK_DASHBOARD_ADMINS", ADMIN);
        return environment;
    }

    private static String session() {
        Instant now = Instant.now();
        return new AccessTokens(SigningKeys.of("d1", Map.of("d1", DASHBOARD_KEY)), Clock.systemUTC())
                .mintSession(new Session(ADMIN, now, now.plus(Duration.ofHours(1))));
    }

    private static Map<String, String> apiKey(Map<String, String> headers) {
        Map<String, String> withKey = new LinkedHashMap<>(headers);
        withKey.put("authorization", "Bearer " + API_KEY);
        return withKey;
    }

    /** The function's answer to an API Gateway HTTP API (payload 2.0) event for this request. */
    private static JsonNode call(PackagedFunction function, String method, String path, String query,
            Map<String, String> headers, String body) throws Exception {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "$default")
                .put("rawPath", path)
                .put("rawQueryString", query);
        ObjectNode eventHeaders = event.putObject("headers")
                .put("host", "rate.example.com")
                .put("user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
                        + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15")
                .put("x-forwarded-for", "203.0.113.24")
                .put("x-forwarded-proto", "https");
        headers.forEach(eventHeaders::put);
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", "123456789012")
                .put("apiId", "a1b2c3d4e5")
                .put("domainName", "rate.example.com")
                .put("requestId", "request-" + System.nanoTime())
                .put("routeKey", "$default")
                .put("stage", "$default")
                .put("timeEpoch", System.currentTimeMillis());
        context.putObject("http")
                .put("method", method)
                .put("path", path)
                .put("protocol", "HTTP/1.1")
                .put("sourceIp", "203.0.113.24")
                .put("userAgent", eventHeaders.path("user-agent").asText());
        if (body != null) {
            eventHeaders.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
            event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        PackagedFunction.Result result = function.invoke(event.toString());
        assertThat(result.failed()).as("%s%n%s", result.body(), function.output()).isFalse();
        return JSON.readTree(result.body());
    }

    private static JsonNode json(JsonNode answer, int status, PackagedFunction function) throws Exception {
        assertThat(answer.path("statusCode").asInt()).as("%s%n%s", answer, function.output()).isEqualTo(status);
        return JSON.readTree(body(answer));
    }

    private static String body(JsonNode answer) {
        String body = answer.path("body").asText();
        return answer.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }
}
