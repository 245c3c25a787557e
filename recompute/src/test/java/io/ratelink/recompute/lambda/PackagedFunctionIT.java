package io.ratelink.recompute.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.local.PackagedFunction;
import io.ratelink.rating.Answer;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged function.zip on its own, as Lambda runs it (its classes and lib/ the whole class path, the production
 * profile): scheduled events recount clicks in DynamoDB Local, incrementally and as a full rebuild. The module's other
 * tests run with the whole test class path; this one shows that nothing its handler needs was left out of the zip.
 */
class PackagedFunctionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theZipAloneRecountsTheClicksOnASchedule() throws Exception {
        try (PackagedFunction function = PackagedFunction.start(Path.of("target", "function.zip"), Map.of(
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", EmbeddedDynamoDb.endpoint(),
                "RATELINK_TABLES_CREATE", "true"));
                DynamoDbClient dynamo = EmbeddedDynamoDb.client()) {
            JsonNode empty = run(function, "events/scheduled-event.json");
            RatingStore ratings = new RatingStore(dynamo, "ratelink-ratings", Duration.ofDays(1095));
            click(ratings, Scale.CSAT_5, 5);
            click(ratings, Scale.NPS, 2);

            JsonNode incremental = run(function, "events/scheduled-event.json");
            JsonNode full = run(function, "events/scheduled-event-full-rebuild.json");

            assertThat(empty.path("outcome").asText()).as(function.output()).isEqualTo("DONE");
            assertThat(incremental.path("mode").asText()).isEqualTo("INCREMENTAL");
            assertThat(incremental.path("ratingsRecounted").asInt()).isEqualTo(2);
            assertThat(full.path("mode").asText()).isEqualTo("FULL");
            assertThat(full.path("outcome").asText()).isEqualTo("DONE");
        }
    }

    private static JsonNode run(PackagedFunction function, String event) throws Exception {
        PackagedFunction.Result result = function.invoke(resource(event));
        assertThat(result.failed()).as("%s%n%s", result.body(), function.output()).isFalse();
        return JSON.readTree(result.body());
    }

    private static void click(RatingStore ratings, Scale scale, int score) {
        String id = UUID.randomUUID().toString();
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        SurveyClaims claims = new SurveyClaims(id, score, scale, "en", "ticket-" + id, "agent-1", "team-packaged",
                "c-" + id, Optional.of(issued), issued.plus(Duration.ofDays(30)));
        ratings.record(Answer.click(claims, ClientKind.BROWSER, Instant.now()), RatingStatus.COUNTED);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PackagedFunctionIT.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
