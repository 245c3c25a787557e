package io.ratelink.http.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ratelink.aws.AwsCall;
import io.ratelink.recompute.RecomputeMode;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.time.Clock;
import java.util.Map;

/**
 * In AWS: an asynchronous invocation ({@code InvocationType=Event}) of the recompute function, with the event its
 * schedule sends ({@code {"detail":{"full":true}}} for a full rebuild). Lambda queues it and answers 202 at once;
 * the function runs it within its own timeout, and retries it if it fails.
 */
public class LambdaRecomputeLauncher implements RecomputeLauncher, AutoCloseable {

    static final String DETAIL_TYPE = "ratelink recompute requested";
    static final String SOURCE = "ratelink.http";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsCall lambda;
    private final String function;
    private final Clock clock;

    /** @param function the recompute function's name or ARN */
    public LambdaRecomputeLauncher(AwsCall lambda, String function, Clock clock) {
        this.lambda = lambda;
        this.function = function;
        this.clock = clock;
    }

    @Override
    public void launch(RecomputeMode mode, String runId) {
        AwsCall.Answer answer = lambda.post("/2015-03-31/functions/" + SdkHttpUtils.urlEncode(function) + "/invocations",
                Map.of("X-Amz-Invocation-Type", "Event", "Content-Type", "application/json"), event(mode, runId));
        if (answer.status() != 202) {
            throw new IllegalStateException("Lambda answered " + answer.status()
                    + " to the asynchronous invocation of " + function + ", not 202: " + answer.body());
        }
    }

    @Override
    public void close() {
        lambda.close();
    }

    /** The event, shaped as EventBridge sends the schedule's. */
    String event(RecomputeMode mode, String runId) {
        ObjectNode event = JSON.createObjectNode();
        event.put("id", runId);
        event.put("detail-type", DETAIL_TYPE);
        event.put("source", SOURCE);
        event.put("time", clock.instant().toString());
        ObjectNode detail = event.putObject("detail");
        if (mode == RecomputeMode.FULL) {
            detail.put("full", true);
        }
        return event.toString();
    }
}
