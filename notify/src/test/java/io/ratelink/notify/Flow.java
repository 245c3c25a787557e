package io.ratelink.notify;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.escalate.Agent;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.local.DynamoDbTraffic;
import io.restassured.http.ContentType;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.restassured.RestAssured.given;

/**
 * The two functions of the notify module as AWS runs them: a stream batch (its changes written to the ratings table
 * first, as the click path did) delivered to {@code notify} through the Lambda mock event server, then the settled
 * checks it queued received from the queue engine and run by {@code escalate}.
 */
@Singleton
public class Flow {

    static final Duration SETTLED = Duration.ofSeconds(5);
    static final Duration LAMBDA_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final RatelinkConfig config;
    private final EscalateHandler escalate;
    private final ManagerDirectory directory;

    Flow(DynamoDbClient dynamo, RatelinkConfig config, EscalateHandler escalate, ManagerDirectory directory) {
        this.dynamo = dynamo;
        this.config = config;
        this.escalate = escalate;
        this.directory = directory;
    }

    /** A new survey of an agent no other test uses; {@code manager} is where their escalations go, if on file. */
    record RatedAgent(String surveyId, String id, String manager) {

        /** The stream event {@code fixture} for this survey and agent. */
        String event(String fixture) {
            return StreamEvents.fixture(fixture, surveyId, id);
        }
    }

    /** An agent on file, writing English, whose manager has an address no other test uses. */
    RatedAgent agentWithManager(String name) {
        return agentWithManager(name, "en");
    }

    /** An agent on file whose manager reads {@code locale} and has an address no other test uses. */
    RatedAgent agentWithManager(String name, String locale) {
        RatedAgent agent = new RatedAgent(StreamEvents.newSurveyId(), StreamEvents.newAgentId(),
                StreamEvents.newAddress("manager"));
        directory.save(new Agent(agent.id(), name, emailOf(name), Optional.of(agent.manager()), locale));
        return agent;
    }

    /** An agent on file without a manager: their escalations go to the fallback address. */
    RatedAgent agentWithoutManager(String name, String locale) {
        RatedAgent agent = new RatedAgent(StreamEvents.newSurveyId(), StreamEvents.newAgentId(), null);
        directory.save(new Agent(agent.id(), name, emailOf(name), Optional.empty(), locale));
        return agent;
    }

    /** An agent the directory does not know. */
    RatedAgent agentNotOnFile() {
        return new RatedAgent(StreamEvents.newSurveyId(), StreamEvents.newAgentId(), null);
    }

    private static String emailOf(String name) {
        String firstName = name.split(" ")[0].toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return (firstName.isEmpty() ? "agent" : firstName) + "@example.com";
    }

    /** A clean start for a test: nothing left in the queue by another, no fault armed. */
    void reset() {
        QueuedTasks.purge();
        DynamoDbTraffic.ofTheApplication().clearRules();
    }

    /** Writes the batch's new images to the ratings table, as the click path did before the stream carried them. */
    void writeToTheTable(String event) {
        TableWrites.writeNewImages(dynamo, config.tables().ratings(), event);
    }

    /** Writes the batch's new images to the ratings table and delivers the batch to notify; the records it reported as failed. */
    List<String> stream(String event) {
        writeToTheTable(event);
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(event)
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath().getList("batchItemFailures.itemIdentifier", String.class);
    }

    /** Waits for the settle window and runs every due task through escalate, with a 60 s Lambda timeout per batch. */
    List<QueuedTasks.Run> settle() {
        return settle(LAMBDA_TIMEOUT);
    }

    /** What settle does, with another Lambda timeout per batch. */
    List<QueuedTasks.Run> settle(Duration lambdaTimeout) {
        return QueuedTasks.runDue(escalate, SETTLED, lambdaTimeout);
    }

    /** Stream then settle, as one change of a rating goes through both functions. */
    List<QueuedTasks.Run> deliver(String event) {
        List<String> failed = stream(event);
        if (!failed.isEmpty()) {
            throw new AssertionError("notify reported records for redelivery: " + failed);
        }
        return settle();
    }
}
