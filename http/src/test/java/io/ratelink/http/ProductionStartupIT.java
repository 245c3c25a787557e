package io.ratelink.http;

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
 * The packaged application in the production profile refuses to start without its keys, and says which are
 * missing. Runs the real jar in its own JVM after {@code package}.
 */
class ProductionStartupIT {

    /** What function.zip holds: the runner jar and its lib folder. */
    static final Path APP = Path.of("target", "ratelink-http-" + System.getProperty("project.version", "0.1.0-SNAPSHOT") + "-runner.jar");

    @Test
    void withoutKeysTheProductionApplicationRefusesToStartAndNamesWhatIsMissing() throws Exception {
        Run run = start(Map.of());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ratelink.api-keys").contains("ratelink.signing.active-kid");
    }

    @Test
    void aSigningKeyTooShortForHs256IsRefusedAtStartupNamingIt() throws Exception {
        Run run = start(Map.of(
                "RATELINK_API_KEYS", "an-api-key",
                "RATELINK_SIGNING_ACTIVE_KID", "k1",
                "RATELINK_SIGNING_KEYS_K1", "short"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ratelink.signing.keys.k1 is 5 bytes long; HS256 needs at least 32");
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
        builder.environment().keySet().removeIf(name -> name.startsWith("RATELINK_") || name.startsWith("QUARKUS_"));
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
