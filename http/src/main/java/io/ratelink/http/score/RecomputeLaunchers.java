package io.ratelink.http.score;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.recompute.Recompute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The recompute function when {@code ratelink.recompute.function} names it (AWS), a background thread otherwise.
 * The Lambda client takes its region, credentials and endpoint from the SDK's defaults (the function's environment
 * and role) and gives up within {@link #INVOKE_TIMEOUT}, so a person asking for a run gets an answer.
 */
@ApplicationScoped
public class RecomputeLaunchers {

    static final Duration INVOKE_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(5);

    @Produces
    @Singleton
    RecomputeLauncher recomputeLauncher(RatelinkConfig config, Instance<Recompute> recompute, Clock clock) {
        return config.recompute().function()
                .<RecomputeLauncher>map(function -> new LambdaRecomputeLauncher(lambdaClient(builder -> {
                }), function, clock))
                .orElseGet(() -> new InProcessRecomputeLauncher(recompute.get()));
    }

    void close(@Disposes RecomputeLauncher launcher) throws Exception {
        if (launcher instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** A Lambda client with the launcher's timeouts; {@code settings} may set what the SDK's defaults would decide. */
    static LambdaClient lambdaClient(Consumer<LambdaClientBuilder> settings) {
        LambdaClientBuilder builder = LambdaClient.builder();
        settings.accept(builder);
        return builder
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(INVOKE_ATTEMPT_TIMEOUT)
                        .socketTimeout(INVOKE_ATTEMPT_TIMEOUT)
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallAttemptTimeout(INVOKE_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(INVOKE_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build()))
                .build();
    }
}
