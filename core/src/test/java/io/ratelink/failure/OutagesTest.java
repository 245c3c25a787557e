package io.ratelink.failure;

import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.storage.StoreUnavailable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTest {

    private static DynamoDbException dynamo(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void aDatabaseThatCannotBeReachedOrTimesOutIsAnOutage() {
        assertThat(Outages.isOutage(new StoreUnavailable("down", SdkClientException.create("Connection refused")))).isTrue();
        assertThat(Outages.isOutage(ApiCallTimeoutException.create(2000))).isTrue();
    }

    @Test
    void aDatabaseThatThrottlesOrFailsOnItsSideIsAnOutage() {
        assertThat(Outages.isOutage(new StoreUnavailable("busy", dynamo(400, "ProvisionedThroughputExceededException")))).isTrue();
        assertThat(Outages.isOutage(dynamo(500, "InternalServerError"))).isTrue();
    }

    @Test
    void aRequestTheDatabaseRefusesIsABugEvenWhenTheStoreGaveUp() {
        Throwable refused = new EscalationStore.StoreUnavailable("the escalations table could not be read",
                dynamo(400, "ValidationException"));

        assertThat(Outages.isOutage(refused)).isFalse();
        assertThat(Outages.isOutage(dynamo(400, "ResourceNotFoundException"))).isFalse();
    }

    @Test
    void aStoreThatGaveUpWithoutTheServiceSayingWhyIsAnOutage() {
        assertThat(Outages.isOutage(new EscalationStore.StoreUnavailable("kept changing", null))).isTrue();
    }

    @Test
    void everythingElseIsABug() {
        assertThat(Outages.isOutage(new IllegalStateException("no"))).isFalse();
        assertThat(Outages.isOutage(new NullPointerException())).isFalse();
        assertThat(Outages.isOutage(new RuntimeException(new IllegalArgumentException("deep")))).isFalse();
    }
}
