package io.ratelink.testing;

import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.storage.TableCreator;
import io.ratelink.storage.TableSpec;
import io.ratelink.storage.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** DynamoDB Local in this JVM, and fresh tables for each test so that no test sees another's items. */
public final class LocalDynamo {

    private LocalDynamo() {
    }

    /** A client of the embedded engine, started on first use, with the given interceptors. */
    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return builder(EmbeddedDynamoDb.endpoint(), interceptors).build();
    }

    /** A client of any endpoint that retries three times with millisecond backoff, for failure tests. */
    public static DynamoDbClient withQuickRetries(String endpoint) {
        return builder(endpoint).overrideConfiguration(config -> config.retryStrategy(
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .build())).build();
    }

    private static DynamoDbClientBuilder builder(String endpoint, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        config.addExecutionInterceptor(interceptor);
                    }
                });
    }

    /** Physical names of one set of tables. */
    public record TableNames(String ratings, String scores) {
    }

    /** Creates a ratings and a scores table under names no other test uses. */
    public static TableNames freshTables(DynamoDbClient dynamo) {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        return new TableNames(freshTable(dynamo, Tables.RATINGS, prefix + "-ratings"),
                freshTable(dynamo, Tables.SCORES, prefix + "-scores"));
    }

    /** Creates the table under a name no other test uses, and returns that name. */
    public static String freshTable(DynamoDbClient dynamo, TableSpec spec) {
        return freshTable(dynamo, spec, spec.name() + "-" + UUID.randomUUID());
    }

    private static String freshTable(DynamoDbClient dynamo, TableSpec spec, String name) {
        if (!new TableCreator(dynamo).createIfMissing(spec, name)) {
            throw new IllegalStateException("table " + name + " already exists");
        }
        return name;
    }
}
