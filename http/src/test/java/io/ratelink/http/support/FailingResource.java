package io.ratelink.http.support;

import io.ratelink.storage.StoreUnavailable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Tests only: an admin API endpoint that fails as a bug ({@code bug}), an outage ({@code outage}) or a request the
 * database refuses ({@code refused}), so that the answers to failures nobody planned for can be checked.
 * {@link FailingLinkResource} does the same under a rating link.
 */
@Path("/v1/test-failures/{kind}")
public class FailingResource {

    @GET
    public String fail(@PathParam("kind") String kind) {
        throw failure(kind);
    }

    static RuntimeException failure(String kind) {
        return switch (kind) {
            case "outage" -> new StoreUnavailable("the ratings table could not be read",
                    SdkClientException.create("Unable to execute HTTP request: Connection refused"));
            case "refused" -> new StoreUnavailable("the ratings table could not be read",
                    DynamoDbException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ValidationException").errorMessage("key too large").build()).build());
            default -> new IllegalStateException("a bug");
        };
    }
}
