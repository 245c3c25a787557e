package io.ratelink.http.score;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.local.AwsStandIn;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * With {@code ratelink.recompute.function} set, as in AWS, {@code POST /v1/recompute?full=true} is an asynchronous
 * invocation of that function (here Lambda's Invoke API answered by a stand-in on 127.0.0.1, found through the SDK's
 * {@code aws.endpointUrlLambda}), and nothing runs in this process.
 */
@QuarkusTest
@TestProfile(RecomputeThroughLambdaTest.WithRecomputeFunction.class)
class RecomputeThroughLambdaTest {

    static final String FUNCTION = "ratelink-test-Recompute";

    public static class WithRecomputeFunction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ratelink.recompute.function", FUNCTION);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LambdaStandIn.class));
        }
    }

    /** Lambda's Invoke API on 127.0.0.1, and the SDK's system properties pointing a default client at it. */
    public static class LambdaStandIn implements QuarkusTestResourceLifecycleManager {

        static AwsStandIn lambda;
        private static final Map<String, String> SDK_PROPERTIES = Map.of(
                "aws.region", "eu-west-1", "aws.accessKeyId", "AKIDEXAMPLE", "aws.secretAccessKey", "secret");
        private final Map<String, String> before = new HashMap<>();

        @Override
        public Map<String, String> start() {
            lambda = AwsStandIn.lambdaInvoke();
            Map<String, String> properties = new HashMap<>(SDK_PROPERTIES);
            properties.put("aws.endpointUrlLambda", lambda.endpoint().toString());
            properties.forEach((name, value) -> {
                before.put(name, System.getProperty(name));
                System.setProperty(name, value);
            });
            return Map.of();
        }

        @Override
        public void stop() {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
            lambda.close();
        }
    }

    @Test
    void aFullRebuildIsHandedToTheRecomputeFunctionAndAnswered202() {
        int before = LambdaStandIn.lambda.requests().size();

        given().header("Authorization", "Bearer test-api-key").post("/v1/recompute?full=true").then()
                .statusCode(202)
                .body("outcome", equalTo("STARTED"))
                .body("mode", equalTo("FULL"))
                .body("runId", notNullValue())
                .body("status", equalTo("/v1/recompute"));

        assertThat(LambdaStandIn.lambda.requests()).hasSize(before + 1);
        AwsStandIn.Request invoke = LambdaStandIn.lambda.requests().get(before);
        assertThat(invoke.path()).isEqualTo("/2015-03-31/functions/" + FUNCTION + "/invocations");
        assertThat(invoke.header("X-Amz-Invocation-Type")).isEqualTo("Event");
        assertThat(invoke.body()).contains("\"detail\":{\"full\":true}");
    }
}
