package io.ratelink.local;

import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * In dev mode and tests, points the DynamoDB client at an embedded DynamoDB Local, started on first use.
 *
 * <p>Its ordinal sits above {@code application.properties} and below environment variables, so
 * {@code QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE} still wins, and {@code -Dembedded-dynamodb.enabled=false}
 * (or {@code EMBEDDED_DYNAMODB_ENABLED=false}) turns it off. In any other launch mode it answers nothing.
 */
public class EmbeddedDynamoDbConfigSource implements ConfigSource {

    static final String ENDPOINT_OVERRIDE = "quarkus.dynamodb.endpoint-override";

    @Override
    public Map<String, String> getProperties() {
        return active() ? Map.of(ENDPOINT_OVERRIDE, EmbeddedDynamoDb.endpoint()) : Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return active() ? Set.of(ENDPOINT_OVERRIDE) : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return ENDPOINT_OVERRIDE.equals(propertyName) && active() ? EmbeddedDynamoDb.endpoint() : null;
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    @Override
    public String getName() {
        return "ratelink embedded DynamoDB Local";
    }

    private static boolean active() {
        LaunchMode mode = LaunchMode.current();
        if (mode != LaunchMode.DEVELOPMENT && mode != LaunchMode.TEST) {
            return false;
        }
        String enabled = System.getProperty("embedded-dynamodb.enabled",
                System.getenv().getOrDefault("EMBEDDED_DYNAMODB_ENABLED", "true"));
        return Boolean.parseBoolean(enabled);
    }
}
