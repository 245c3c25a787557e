package io.ratelink.local;

import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * In dev mode and tests, points the escalation queue at an embedded ElasticMQ, started on first use.
 *
 * <p>Its ordinal sits above {@code application.properties} and below environment variables, so
 * {@code RATELINK_ESCALATION_QUEUE_URL} and {@code RATELINK_SQS_ENDPOINT_OVERRIDE} still win, and
 * {@code -Dembedded-sqs.enabled=false} turns it off. In any other launch mode it answers nothing.
 */
public class EmbeddedSqsConfigSource implements ConfigSource {

    static final String QUEUE_URL = "ratelink.escalation.queue-url";
    static final String ENDPOINT_OVERRIDE = "ratelink.sqs.endpoint-override";
    private static final Set<String> NAMES = Set.of(QUEUE_URL, ENDPOINT_OVERRIDE);

    @Override
    public Map<String, String> getProperties() {
        return active() ? Map.of(QUEUE_URL, EmbeddedSqs.escalationQueueUrl(), ENDPOINT_OVERRIDE, EmbeddedSqs.endpoint())
                : Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return active() ? NAMES : Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!NAMES.contains(propertyName) || !active()) {
            return null;
        }
        return QUEUE_URL.equals(propertyName) ? EmbeddedSqs.escalationQueueUrl() : EmbeddedSqs.endpoint();
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    @Override
    public String getName() {
        return "ratelink embedded ElasticMQ";
    }

    private static boolean active() {
        LaunchMode mode = LaunchMode.current();
        if (mode != LaunchMode.DEVELOPMENT && mode != LaunchMode.TEST) {
            return false;
        }
        return Boolean.parseBoolean(System.getProperty("embedded-sqs.enabled",
                System.getenv().getOrDefault("EMBEDDED_SQS_ENABLED", "true")));
    }
}
