package io.ratelink.testing;

import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.storage.TableCreator;
import io.ratelink.storage.TableSpec;
import io.ratelink.storage.Tables;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.UUID;

/** DynamoDB Local in this JVM, and fresh tables for each test so that no test sees another's items. */
public final class LocalDynamo {

    private LocalDynamo() {
    }

    /** A client of the embedded engine, started on first use, with the given interceptors. */
    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(EmbeddedDynamoDb.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        config.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** Physical names of one set of tables. */
    public record TableNames(String ratings, String scores) {
    }

    /** Creates a ratings and a scores table under names no other test uses. */
    public static TableNames freshTables(DynamoDbClient dynamo) {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        TableNames names = new TableNames(prefix + "-ratings", prefix + "-scores");
        TableCreator creator = new TableCreator(dynamo);
        create(creator, Tables.RATINGS, names.ratings());
        create(creator, Tables.SCORES, names.scores());
        return names;
    }

    private static void create(TableCreator creator, TableSpec spec, String name) {
        if (!creator.createIfMissing(spec, name)) {
            throw new IllegalStateException("table " + name + " already exists");
        }
    }
}
