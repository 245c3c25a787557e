package io.ratelink.http;

import io.ratelink.local.AwsStandIn;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application in the production profile reads its keys from the secret named by RATELINK_SECRET_ARN
 * (here a local stand-in for Secrets Manager), and refuses to start without them, saying which are missing. Runs
 * the real jar in its own JVM after {@code package}.
 */
class ProductionStartupIT {

    /** What function.zip holds: the runner jar and its lib folder. */
    static final Path APP = Path.of("target", "ratelink-http-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") + "-runner.jar");

    @Test
    void withoutKeysTheProductionApplicationRefusesToStartAndNamesWhatIsMissing() throws Exception {
        Run run = start(Map.of());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ratelink.api-keys").contains("ratelink.signing.active-kid")
                .contains("ratelink.dashboard.signing.active-kid");
    }

    @Test
    void aDashboardKeyTooShortForHs256IsRefusedAtStartupNamingIt() throws Exception {
        Run run = start(Map.of(
                "RATELINK_API_KEYS", "an-api-key",
                "RATELINK_SIGNING_ACTIVE_KID", "k1",
                "RATELINK_SIGNING_KEYS_K1", "a-rating-link-key-long-enough-for-hs256",
                "RATELINK_DASHBOARD_SIGNING_ACTIVE_KID", "d1",
                "RATELINK_DASHBOARD_SIGNING_KEYS_D1", "short"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ratelink.dashboard.signing.keys.d1 is 5 bytes long; HS256 needs at least 32");
    }

    @Test
    void aSigningKeyTooShortForHs256IsRefusedAtStartupNamingIt() throws Exception {
        Run run = start(Map.of(
                "RATELINK_API_KEYS", "an-api-key",
                "RATELINK_SIGNING_ACTIVE_KID", "k1",
                "RATELINK_SIGNING_KEYS_K1", "short",
                "RATELINK_DASHBOARD_SIGNING_ACTIVE_KID", "d1",
                "RATELINK_DASHBOARD_SIGNING_KEYS_D1", "a-dashboard-key-long-enough-for-hs256"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ratelink.signing.keys.k1 is 5 bytes long; HS256 needs at least 32");
    }

    @Test
    void theKeysAreReadFromTheSecretNamedByTheEnvironmentAtStartup() throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ratelink/prod-http-AbCdEf";
        try (AwsStandIn secretsManager = AwsStandIn.secretsManager(Map.of(arn, """
                {"ratelink.api-keys":"an-api-key","ratelink.signing.active-kid":"k1","ratelink.signing.keys.k1":"short",
                 "ratelink.dashboard.signing.active-kid":"d1",
                 "ratelink.dashboard.signing.keys.d1":"a-dashboard-key-long-enough-for-hs256"}"""))) {
            Run run = start(Map.of(
                    "RATELINK_SECRET_ARN", arn,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret"));

            assertThat(secretsManager.requests()).singleElement()
                    .satisfies(request -> assertThat(request.header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue"));
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).as("the short key came from the secret")
                    .contains("ratelink.signing.keys.k1 is 5 bytes long; HS256 needs at least 32")
                    .doesNotContain("ratelink.api-keys and");
        }
    }

    @Test
    void aSecretThatCannotBeReadStopsStartupNamingIt() throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ratelink/gone-AbCdEf";
        try (AwsStandIn secretsManager = AwsStandIn.secretsManager(Map.of())) {
            Run run = start(Map.of(
                    "RATELINK_SECRET_ARN", arn,
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "secret"));

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).contains("Could not read the secret named by RATELINK_SECRET_ARN (" + arn + ")");
        }
    }

    record Run(int exitCode, String output) {
    }

    private static Run start(Map<String, String> environment) throws IOException, InterruptedException {
        assertThat(APP).exists();
        Path log = Files.createTempFile("ratelink-prod-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.lambda.mock-event-server.enabled=false",
                "-jar", APP.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RATELINK_") || name.startsWith("QUARKUS_")
                || name.startsWith("AWS_"));
        builder.environment().put("QUARKUS_PROFILE", "prod");
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Run(0, Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
