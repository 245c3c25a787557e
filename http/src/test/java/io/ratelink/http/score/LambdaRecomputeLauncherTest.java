package io.ratelink.http.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.aws.AwsCall;
import io.ratelink.local.AwsStandIn;
import io.ratelink.recompute.RecomputeMode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS path of {@code POST /v1/recompute}: Lambda's Invoke API, answered by a stand-in on 127.0.0.1. */
class LambdaRecomputeLauncherTest {

    private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:ratelink-prod-Recompute";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:00Z"), ZoneOffset.UTC);

    @Test
    void aFullRebuildIsAnAsynchronousInvocationWithTheEventTheScheduleSendsAndFull() throws Exception {
        try (AwsStandIn lambda = AwsStandIn.lambdaInvoke();
             LambdaRecomputeLauncher launcher = new LambdaRecomputeLauncher(client(lambda.endpoint()), FUNCTION, CLOCK)) {
            launcher.launch(RecomputeMode.FULL, "run-1");

            assertThat(lambda.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/2015-03-31/functions/"
                        + FUNCTION.replace(":", "%3A") + "/invocations");
                assertThat(request.header("X-Amz-Invocation-Type")).isEqualTo("Event");
                assertThat(request.header("Authorization")).contains("/eu-west-1/lambda/aws4_request");
                JsonNode event = new ObjectMapper().readTree(request.body());
                assertThat(event.path("detail").path("full").asBoolean()).isTrue();
                assertThat(event.path("id").asText()).isEqualTo("run-1");
                assertThat(event.path("time").asText()).isEqualTo("2026-11-30T10:15:00Z");
            });
        }
    }

    @Test
    void theIncrementalRunSendsAnEmptyDetailAsTheScheduleDoes() throws Exception {
        try (AwsStandIn lambda = AwsStandIn.lambdaInvoke();
             LambdaRecomputeLauncher launcher = new LambdaRecomputeLauncher(client(lambda.endpoint()), FUNCTION, CLOCK)) {
            launcher.launch(RecomputeMode.INCREMENTAL, "run-2");

            JsonNode event = new ObjectMapper().readTree(lambda.requests().get(0).body());
            assertThat(event.path("detail").isObject()).isTrue();
            assertThat(event.path("detail").size()).isZero();
        }
    }

    @Test
    void anInvocationLambdaRefusesIsAFailureNotAStartedRun() {
        try (AwsStandIn lambda = AwsStandIn.answering(request -> new AwsStandIn.Answer(429, "application/json",
                "{\"Type\":\"User\",\"message\":\"Rate exceeded\",\"Reason\":\"CallerRateLimitExceeded\"}"));
             LambdaRecomputeLauncher launcher = new LambdaRecomputeLauncher(client(lambda.endpoint()), FUNCTION, CLOCK)) {
            assertThatThrownBy(() -> launcher.launch(RecomputeMode.FULL, "run-3")).hasMessageContaining("Rate exceeded");
        }
    }

    private static AwsCall client(URI endpoint) {
        return RecomputeLaunchers.lambda(new AwsCall.Target("eu-west-1", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))));
    }
}
