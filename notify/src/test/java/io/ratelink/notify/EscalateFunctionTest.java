package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.notify.Flow.RatedAgent;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
    EscalationStore escalations;

    @Inject
    Flow flow;

    @Test
    void anSqsBatchSendsTheSettledEscalationAndDropsAMessageThatIsNoTask() throws Exception {
        RatedAgent agent = flow.agentWithManager("Sol Reyes");
        flow.writeToTheTable(agent.event("insert-low-click.json"));

        List<String> failed = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(agent.event("sqs-settle-check.json"))
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath().getList("batchItemFailures.itemIdentifier", String.class);

        assertThat(failed).isEmpty();
        assertThat(smtp.awaitMessagesTo(agent.manager(), 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }
}
