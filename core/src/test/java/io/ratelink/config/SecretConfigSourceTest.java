package io.ratelink.config;

import io.ratelink.local.AwsStandIn;
import io.ratelink.local.SilentServer;
import org.junit.jupiter.api.Test;
import io.ratelink.aws.AwsCall;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretConfigSourceTest {

    private static final String HTTP_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ratelink/prod-http-AbCdEf";

    @Test
    void theSecretsJsonBecomesConfigurationProperties() {
        SecretConfigSource source = new SecretConfigSource("arn:aws:secretsmanager:eu-west-1:1:secret:ratelink", arn -> """
                {"ratelink.signing.active-kid":"k2",
                 "ratelink.signing.keys.k1":"old-key-old-key-old-key-old-key-0",
                 "ratelink.signing.keys.k2":"new-key-new-key-new-key-new-key-0",
                 "ratelink.api-keys":["helpdesk","dashboard"],
                 "ratelink.smtp.password":"smtp-password"}""");

        assertThat(source.getValue("ratelink.signing.active-kid")).isEqualTo("k2");
        assertThat(source.getValue("ratelink.signing.keys.k1")).isEqualTo("old-key-old-key-old-key-old-key-0");
        assertThat(source.getValue("ratelink.api-keys")).isEqualTo("helpdesk,dashboard");
        assertThat(source.getPropertyNames()).hasSize(5);
    }

    @Test
    void withoutTheVariableNothingIsFetched() {
        SecretConfigSource source = new SecretConfigSource(null, arn -> {
            throw new AssertionError("fetched without a secret configured");
        });

        assertThat(source.getPropertyNames()).isEmpty();
    }

    @Test
    void aSecretThatIsNotAJsonObjectStopsStartupWithAClearMessage() {
        assertThatThrownBy(() -> new SecretConfigSource("arn", arn -> "just-a-string"))
                .hasMessageContaining("RATELINK_SECRET_ARN").hasMessageContaining("not a JSON object");
    }

    @Test
    void atStartupTheSecretIsReadWithGetSecretValueAndItsStringBecomesTheProperties() {
        try (AwsStandIn secretsManager = AwsStandIn.secretsManager(Map.of(HTTP_SECRET_ARN, """
                {"ratelink.signing.active-kid":"k1","ratelink.signing.keys.k1":"key-key-key-key-key-key-key-key-1",
                 "ratelink.api-keys":"helpdesk"}"""))) {
            SecretConfigSource source = new SecretConfigSource(HTTP_SECRET_ARN,
                    arn -> SecretConfigSource.fetch(arn, pointedAt(secretsManager.endpoint())));

            assertThat(source.getValue("ratelink.signing.active-kid")).isEqualTo("k1");
            assertThat(source.getValue("ratelink.api-keys")).isEqualTo("helpdesk");
            assertThat(secretsManager.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
                assertThat(request.header("Content-Type")).startsWith("application/x-amz-json-1.1");
                assertThat(request.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                        .contains("/eu-west-1/secretsmanager/aws4_request");
                assertThat(request.body()).contains("\"SecretId\":\"" + HTTP_SECRET_ARN + "\"");
            });
        }
    }

    @Test
    void aSecretSecretsManagerDoesNotKnowStopsStartupNamingTheVariableAndTheSecret() {
        try (AwsStandIn secretsManager = AwsStandIn.secretsManager(Map.of())) {
            assertThatThrownBy(() -> new SecretConfigSource(HTTP_SECRET_ARN,
                    arn -> SecretConfigSource.fetch(arn, pointedAt(secretsManager.endpoint()))))
                    .hasMessageContaining("RATELINK_SECRET_ARN")
                    .hasMessageContaining(HTTP_SECRET_ARN)
                    .hasMessageContaining("can't find the specified secret");
            assertThat(secretsManager.requests()).as("a missing secret is not asked for again").hasSize(1);
        }
    }

    @Test
    void aSecretsManagerThatHangsStopsStartupWithinTheTotalTimeout() throws IOException {
        try (SilentServer silent = SilentServer.start()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> new SecretConfigSource(HTTP_SECRET_ARN, arn -> SecretConfigSource.fetch(arn,
                    pointedAt(silent.endpoint()))))
                    .hasMessageContaining("RATELINK_SECRET_ARN");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(SecretConfigSource.TOTAL_TIMEOUT.plusSeconds(1));
            assertThat(silent.accepted()).as("connections the silent server accepted").isPositive();
        }
    }

    private static AwsCall.Target pointedAt(URI endpoint) {
        return new AwsCall.Target("eu-west-1", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }
}
