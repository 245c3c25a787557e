package io.ratelink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ratelink.aws.AwsCall;
import org.eclipse.microprofile.config.spi.ConfigSource;

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
 * ({@code AWS_REGION}, the function's role, {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}, see {@link AwsCall}); a Secrets Manager that does
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
        return fetch(secretArn, AwsCall.Target.fromEnvironment(AwsCall.Service.SECRETS_MANAGER));
    }

    /** The secret's string, read from {@code target} with this source's timeouts. */
    static String fetch(String secretArn, AwsCall.Target target) {
        try (AwsCall secretsManager = new AwsCall(AwsCall.Service.SECRETS_MANAGER, target, ATTEMPT_TIMEOUT, TOTAL_TIMEOUT)) {
            ObjectMapper json = new ObjectMapper();
            AwsCall.Answer answer = secretsManager.post("/", Map.of(
                    "X-Amz-Target", "secretsmanager.GetSecretValue",
                    "Content-Type", "application/x-amz-json-1.1"),
                    json.createObjectNode().put("SecretId", secretArn).toString());
            JsonNode body = answer.body().isBlank() ? json.createObjectNode() : json.readTree(answer.body());
            if (!answer.isSuccess() || !body.path("SecretString").isTextual()) {
                throw new IllegalStateException("Secrets Manager answered " + answer.status() + " "
                        + body.path("__type").asText("") + ": "
                        + body.path("Message").asText(body.path("message").asText("no SecretString")));
            }
            return body.path("SecretString").asText();
        } catch (IOException | RuntimeException e) {
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
