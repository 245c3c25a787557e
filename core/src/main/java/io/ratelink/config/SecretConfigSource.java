package io.ratelink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.spi.ConfigSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Configuration from one AWS Secrets Manager secret, named by the environment variable {@value #SECRET_ARN}:
 * a flat JSON object of configuration properties, such as
 * {@code {"ratelink.signing.active-kid":"k1","ratelink.signing.keys.k1":"…","ratelink.api-keys":"…"}}.
 * So no key is ever in the deployment template or in an environment variable in clear. Each function is given the
 * secret that holds only what it uses: the HTTP function the signing and API keys, the escalation sender the SMTP
 * credentials, the others none.
 *
 * <p>Without the variable it answers nothing. Its ordinal sits above {@code application.properties} and below
 * environment variables. The secret is read once, at startup, with the SDK's region, credentials and endpoint
 * ({@code AWS_REGION}, the function's role, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}); a Secrets Manager that does
 * not answer stops the startup within {@link #TOTAL_TIMEOUT}.
 */
public class SecretConfigSource implements ConfigSource {

    public static final String SECRET_ARN = "RATELINK_SECRET_ARN";
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(5);
    private final Map<String, String> properties;

    public SecretConfigSource() {
        this(System.getenv(SECRET_ARN), SecretConfigSource::fetch);
    }

    SecretConfigSource(String secretArn, Function<String, String> secrets) {
        this.properties = secretArn == null || secretArn.isBlank() ? Map.of() : parse(secrets.apply(secretArn));
    }

    /** The secret's JSON as properties; an array value becomes a comma-separated list. */
    static Map<String, String> parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("The secret named by " + SECRET_ARN + " is not a JSON object", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("The secret named by " + SECRET_ARN + " is not a JSON object");
        }
        Map<String, String> properties = new HashMap<>();
        root.fields().forEachRemaining(field -> properties.put(field.getKey(), field.getValue().isArray()
                ? StreamSupport.stream(field.getValue().spliterator(), false).map(JsonNode::asText)
                        .collect(Collectors.joining(","))
                : field.getValue().asText()));
        return Map.copyOf(properties);
    }

    private static String fetch(String secretArn) {
        return fetch(secretArn, SecretsManagerClient.builder());
    }

    /** The secret's string, read with a client from {@code builder} and this source's timeouts. */
    static String fetch(String secretArn, SecretsManagerClientBuilder builder) {
        try (SecretsManagerClient client = builder
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(ATTEMPT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT)
                        .build())
                .overrideConfiguration(override -> override
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(TOTAL_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build()))
                .build()) {
            return client.getSecretValue(request -> request.secretId(secretArn)).secretString();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not read the secret named by " + SECRET_ARN + " (" + secretArn + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public int getOrdinal() {
        return 270;
    }

    @Override
    public String getName() {
        return "AWS Secrets Manager (" + SECRET_ARN + ")";
    }
}
