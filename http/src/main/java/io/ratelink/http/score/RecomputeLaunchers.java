package io.ratelink.http.score;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.recompute.Recompute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.ratelink.aws.AwsCall;

import java.time.Clock;
import java.time.Duration;

/**
 * The recompute function when {@code ratelink.recompute.function} names it (AWS), a background thread otherwise.
 * The invocation takes its region, credentials and endpoint where the SDK's clients would (the function's environment
 * and role, see {@link AwsCall}) and gives up within {@link #INVOKE_TIMEOUT}, so a person asking for a run gets an
 * answer.
 */
@ApplicationScoped
public class RecomputeLaunchers {

    static final Duration INVOKE_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(5);

    @Produces
    @Singleton
    RecomputeLauncher recomputeLauncher(RatelinkConfig config, Instance<Recompute> recompute, Clock clock) {
        return config.recompute().function()
                .<RecomputeLauncher>map(function -> new LambdaRecomputeLauncher(
                        lambda(AwsCall.Target.fromEnvironment(AwsCall.Service.LAMBDA)), function, clock))
                .orElseGet(() -> new InProcessRecomputeLauncher(recompute.get()));
    }

    void close(@Disposes RecomputeLauncher launcher) throws Exception {
        if (launcher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Lambda's API at {@code target}, with the launcher's timeouts. */
    static AwsCall lambda(AwsCall.Target target) {
        return new AwsCall(AwsCall.Service.LAMBDA, target, INVOKE_ATTEMPT_TIMEOUT, INVOKE_TIMEOUT);
    }
}
