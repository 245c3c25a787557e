package io.ratelink.support;

import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.storage.TableCreator;
import io.ratelink.storage.TableSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client of the embedded DynamoDB Local that records every request it sends, and fresh tables per test class. */
public final class LocalDynamo {

    /** The operation names sent since the last {@link #reset()}, e.g. {@code UpdateItem}. */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final DynamoDbClient client;

    public LocalDynamo() {
        this(EmbeddedDynamoDb.endpoint());
    }

    public LocalDynamo(String endpoint) {
        this(endpoint, RetryMode.STANDARD);
    }

    /** A client that retries as the SDK does by default, or with millisecond backoff for failure tests. */
    public static LocalDynamo withQuickRetries(String endpoint) {
        return new LocalDynamo(endpoint, null);
    }

    private LocalDynamo(String endpoint, RetryMode retryMode) {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                String target = context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("?");
                requests.add(target.substring(target.indexOf('.') + 1));
            }
        };
        client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> {
                    o.addExecutionInterceptor(counter);
                    if (retryMode == null) {
                        o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(3)
                                .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                                .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                                .build());
                    }
                })
                .build();
    }

    /** Creates the table under a name no other test uses, and returns that name. */
    public String createTable(TableSpec spec) {
        String name = spec.name() + "-" + UUID.randomUUID();
        new TableCreator(client).createIfMissing(spec, name);
        reset();
        return name;
    }

    public void reset() {
        requests.clear();
    }
}
