package io.ratelink.http.support;

import io.ratelink.rating.StoreUnavailable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Tests only: endpoints that fail as a bug, an outage, or a request the database refuses would, on the admin API's
 * path and a rating link's, so that the answers to failures nobody planned for can be checked.
 */
@Path("/")
public class FailingResource {

    @GET
    @Path("v1/test-failures/{kind}")
    public String admin(@PathParam("kind") String kind) {
        throw failure(kind);
    }

    @GET
    @Path("r/{token}/test-failures/{kind}")
    public String ratingLink(@PathParam("token") String token, @PathParam("kind") String kind) {
        throw failure(kind);
    }

    private static RuntimeException failure(String kind) {
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
