package io.ratelink.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;

/**
 * An in-memory DynamoDB Local engine on 127.0.0.1, one per JVM.
 *
 * <p>The endpoint is remembered in a system property so that a dev-mode hot reload, which loads this
 * class again in a new class loader, reuses the running engine instead of starting a second one.
 */
public final class EmbeddedDynamoDb {

    static final String ENDPOINT_PROPERTY = "embedded-dynamodb.endpoint";
    private static DynamoDBProxyServer server;

    private EmbeddedDynamoDb() {
    }

    /** Starts the engine if this JVM has none yet and returns its endpoint, e.g. {@code http://127.0.0.1:43121}. */
    public static String endpoint() {
        return LoopbackEngines.once(ENDPOINT_PROPERTY, EmbeddedDynamoDb::start, EmbeddedDynamoDb::stop,
                "dynamodb-local-stop");
    }

    /** A client of the engine, started on first use, for tests that write or read the tables themselves. */
    public static DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static synchronized void start(int port) {
        try {
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] { "-inMemory", "-port", Integer.toString(port), "-disableTelemetry" });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on 127.0.0.1:" + port
                    + " (is sqlite4java.library.path set to the native library folder?)", e);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the JVM is exiting; the in-memory data goes with it
            }
            server = null;
        }
    }
}
