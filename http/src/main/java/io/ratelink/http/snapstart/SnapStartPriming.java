package io.ratelink.http.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.quarkus.amazon.lambda.http.LambdaHttpHandler;
import io.quarkus.runtime.Startup;
import io.ratelink.click.snapstart.Priming;
import io.ratelink.click.snapstart.PrimingEvents;
import io.ratelink.click.snapstart.PrimingEvents.Request;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.store.RatingStore;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Primes the admin API and dashboard function before its SnapStart snapshot: one read of a rating no survey has
 * (the DynamoDB client with its endpoint, credentials and signer resolved), then through the real handler the
 * dashboard's sign-in page and, when an API key is configured, one admin read of the ratings. It writes nothing and
 * opens no SMTP connection. Registered with the CRaC global context at startup; the Lambda runtime calls
 * {@link #beforeCheckpoint} once, when it publishes a version.
 */
@Startup
@Singleton
public class SnapStartPriming extends Priming {

    /** A key no survey has: survey ids are random and never carry this prefix. */
    static final String SENTINEL_SURVEY_ID = "snapstart-priming";



    private final Instance<RatingStore> ratings;
    private final RatelinkConfig config;

    /** What it primes is looked up when it primes, so startup's own checks (the keys) speak first. */
    public SnapStartPriming(Instance<RatingStore> ratings, RatelinkConfig config) {
        this.ratings = ratings;
        this.config = config;
    }

    @Override
    public Report prime() {
        long start = System.nanoTime();
        List<String> unexpected = new ArrayList<>();
        try {
            ratings.get().find(SENTINEL_SURVEY_ID);
        } catch (RuntimeException e) {
            unexpected.add("rating read: " + e);
        }
        List<Request> primings = new ArrayList<>();
        primings.add(new Request("sign-in page", PrimingEvents.request("GET", "/dashboard/sign-in", Map.of(), null), 200));
        config.apiKeys().flatMap(keys -> keys.stream().findFirst()).ifPresent(key -> primings.add(new Request(
                "admin read", PrimingEvents.request("GET", "/v1/ratings", Map.of("authorization", "Bearer " + key,
                        "accept", "application/json"), null, "limit=1"), 200)));
        LambdaHttpHandler handler = new LambdaHttpHandler();
        for (Request priming : primings) {
            try {
                APIGatewayV2HTTPResponse response = handler.handleRequest(priming.event(), PrimingEvents.CONTEXT);
                if (response.getStatusCode() != priming.expectedStatus()) {
                    unexpected.add(priming.description() + ": " + response.getStatusCode());
                }
            } catch (RuntimeException e) {
                unexpected.add(priming.description() + ": " + e);
            }
        }
        return new Report(Duration.ofNanos(System.nanoTime() - start), List.copyOf(unexpected), primings.size() + 1);
    }
}
