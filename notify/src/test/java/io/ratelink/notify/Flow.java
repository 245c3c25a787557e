package io.ratelink.notify;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.local.DynamoDbTraffic;
import io.restassured.http.ContentType;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.List;

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

    Flow(DynamoDbClient dynamo, RatelinkConfig config, EscalateHandler escalate) {
        this.dynamo = dynamo;
        this.config = config;
        this.escalate = escalate;
    }

    /** A clean start for a test: nothing left in the queue by another, no fault armed. */
    void reset() {
        QueuedTasks.purge();
        DynamoDbTraffic.ofTheApplication().clearRules();
    }

    /** Writes the batch's new images to the ratings table and delivers the batch to notify; the records it reported as failed. */
    List<String> stream(String event) {
        TableWrites.writeNewImages(dynamo, config.tables().ratings(), event);
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
