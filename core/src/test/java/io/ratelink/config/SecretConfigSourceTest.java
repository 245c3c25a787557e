package io.ratelink.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretConfigSourceTest {

    @Test
    void theSecretsJsonBecomesConfigurationProperties() {
        SecretConfigSource source = new SecretConfigSource("arn:aws:secretsmanager:eu-west-1:1:secret:ratelink", arn -> """
                {"ratelink.signing.active-kid":"k2",
                 "ratelink.signing.keys.k1":"old-key-old-key-old-key-old-key-0",
                 "ratelink.signing.keys.k2":"new-key-new-key-new-key-new-key-0",
                 "ratelink.api-keys":["helpdesk","dashboard"],
                 "quarkus.mailer.password":"smtp-password"}""");

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
}
