package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.escalate.Agent;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The escalate function as Lambda runs it: the notify module's zip with its second handler, fed an SQS batch. */
@QuarkusTest
@TestProfile(EscalateFunctionTest.EscalateFunction.class)
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class EscalateFunctionTest {

    /** {@code QUARKUS_LAMBDA_HANDLER=escalate}, as the deployment sets it. */
    public static class EscalateFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "escalate");
        }
    }

    @InjectSmtp
    Smtp smtp;

    @Inject
    ManagerDirectory directory;

    @Inject
    EscalationStore escalations;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    RatelinkConfig config;

    @Test
    void anSqsBatchSendsTheSettledEscalationAndDropsAMessageThatIsNoTask() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Sol Reyes", "sol@example.com", Optional.of(manager), "en"));
        TableWrites.writeNewImages(dynamo, config.tables().ratings(),
                StreamEvents.fixture("insert-low-click.json", surveyId, agentId));

        List<String> failed = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(StreamEvents.fixture("sqs-settle-check.json", surveyId, agentId))
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath().getList("batchItemFailures.itemIdentifier", String.class);

        assertThat(failed).isEmpty();
        assertThat(smtp.awaitMessagesTo(manager, 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(escalations.find(EscalationId.first(surveyId)).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }
}
