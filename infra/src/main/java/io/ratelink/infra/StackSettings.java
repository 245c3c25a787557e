package io.ratelink.infra;

import software.constructs.Node;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What shapes the synthesized stack, read from CDK context ({@code -c stage=prod} with the CDK CLI, or the
 * {@code ratelink.*} system properties the Maven build passes to {@link RatelinkApp}). Values that only change
 * configuration (schedule, sender, ticket URL) are CloudFormation parameters instead, see {@link RatelinkStack}.
 *
 * @param stage          {@code prod} keeps data (RETAIN, deletion protection)
 * @param customDomain   a custom domain for the rating links, with its ACM certificate in the stack's region
 * @param existingKeysSecret the name of a Secrets Manager secret with the signing and API keys (the http function's)
 *                           to use instead of creating one
 * @param existingMailSecret the name of a Secrets Manager secret with the SMTP credentials (the escalate function's)
 *                           to use instead of creating one
 * @param alarmEmail         an address subscribed to the alarm topic
 */
public record StackSettings(
        String stage,
        Optional<CustomDomain> customDomain,
        Optional<String> existingKeysSecret,
        Optional<String> existingMailSecret,
        Optional<String> alarmEmail) {

    public static final String PROD = "prod";
    public static final List<String> CONTEXT_KEYS =
            List.of("stage", "domainName", "certificateArn", "keysSecretName", "mailSecretName", "alarmEmail");

    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,15}");

    public record CustomDomain(String domainName, String certificateArn) {
    }

    public StackSettings {
        if (!STAGE_NAME.matcher(stage).matches()) {
            throw new IllegalArgumentException("stage '" + stage + "' must be lower-case letters, digits and '-', at most 16");
        }
    }

    public static StackSettings stage(String stage) {
        return new StackSettings(stage, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static StackSettings fromContext(Node node) {
        Optional<String> domainName = context(node, "domainName");
        Optional<String> certificateArn = context(node, "certificateArn");
        if (domainName.isPresent() != certificateArn.isPresent()) {
            throw new IllegalArgumentException(
                    "domainName and certificateArn go together: the HTTP API's custom domain needs an ACM certificate for it");
        }
        return new StackSettings(
                context(node, "stage").orElse("dev"),
                domainName.map(name -> new CustomDomain(name, certificateArn.orElseThrow())),
                context(node, "keysSecretName"),
                context(node, "mailSecretName"),
                context(node, "alarmEmail"));
    }

    public boolean isProd() {
        return PROD.equals(stage);
    }

    public StackSettings withCustomDomain(CustomDomain domain) {
        return new StackSettings(stage, Optional.of(domain), existingKeysSecret, existingMailSecret, alarmEmail);
    }

    public StackSettings withExistingSecrets(String keysSecretName, String mailSecretName) {
        return new StackSettings(stage, customDomain, Optional.of(keysSecretName), Optional.of(mailSecretName), alarmEmail);
    }

    private static Optional<String> context(Node node, String key) {
        return Optional.ofNullable(node.tryGetContext(key)).map(Object::toString).map(String::strip).filter(v -> !v.isEmpty());
    }
}
