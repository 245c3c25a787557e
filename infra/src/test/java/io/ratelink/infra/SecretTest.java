package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {

    private static final List<String> FUNCTIONS = List.of("Capture", "Http", "Recompute", "Notify", "Escalate");

    @Test
    void theStackCreatesAKeysSecretWithAGeneratedSigningKeyAndNoValueInTheTemplate() {
        TemplateJson prod = SynthesizedStacks.prod();
        prod.template().resourceCountIs("AWS::SecretsManager::Secret", 2);
        assertThat(prod.resource("AWS::SecretsManager::Secret", "KeysSecret")).containsEntry("DeletionPolicy", "Retain");
        prod.template().hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "SecretString", Match.absent(),
                "GenerateSecretString", Match.objectLike(Map.of(
                        "GenerateStringKey", "ratelink.signing.keys." + RatelinkStack.INITIAL_SIGNING_KID,
                        "SecretStringTemplate", Match.serializedJson(Match.objectEquals(Map.of(
                                "ratelink.signing.active-kid", RatelinkStack.INITIAL_SIGNING_KID,
                                "ratelink.dashboard.signing.active-kid", RatelinkStack.INITIAL_SIGNING_KID,
                                "ratelink.api-keys", ""))))))));
    }

    @Test
    void theStackCreatesAMailSecretWithOnlyTheSmtpCredentials() {
        TemplateJson prod = SynthesizedStacks.prod();
        assertThat(prod.resource("AWS::SecretsManager::Secret", "MailSecret")).containsEntry("DeletionPolicy", "Retain");
        prod.template().hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "SecretString", Match.absent(),
                "GenerateSecretString", Match.objectLike(Map.of(
                        "GenerateStringKey", "ratelink.smtp.password",
                        "SecretStringTemplate", Match.serializedJson(Match.objectEquals(Map.of(
                                "ratelink.smtp.username", ""))))))));
    }

    @Test
    void captureAndHttpReadOnlyTheKeysSecretAndEscalateOnlyTheMailSecret() {
        TemplateJson prod = SynthesizedStacks.prod();
        Map<String, String> secretOf = Map.of(
                "Capture", prod.logicalId("AWS::SecretsManager::Secret", "KeysSecret"),
                "Http", prod.logicalId("AWS::SecretsManager::Secret", "KeysSecret"),
                "Escalate", prod.logicalId("AWS::SecretsManager::Secret", "MailSecret"));
        secretOf.forEach((function, secret) -> {
            assertThat(prod.environment(function)).as(function).containsEntry(RatelinkStack.SECRET_ARN_ENV, Map.of("Ref", secret));
            assertThat(secretStatementsOf(prod, function)).as(function)
                    .singleElement()
                    .satisfies(statement -> {
                        assertThat(statement.actions()).containsExactly("secretsmanager:GetSecretValue");
                        assertThat(statement.resource()).isEqualTo(Map.of("Ref", secret));
                    });
        });
    }

    @Test
    void notifyAndRecomputeGetNoSecret() {
        TemplateJson prod = SynthesizedStacks.prod();
        for (String function : List.of("Notify", "Recompute")) {
            assertThat(prod.environment(function)).as(function).doesNotContainKey(RatelinkStack.SECRET_ARN_ENV);
            assertThat(secretStatementsOf(prod, function)).as(function).isEmpty();
        }
    }

    @Test
    void noSecretValueReachesAnEnvironmentVariableOrTheTemplate() {
        for (TemplateJson template : List.of(SynthesizedStacks.prod(), SynthesizedStacks.devWithOptions())) {
            assertThat(template.json().toString()).doesNotContain("resolve:secretsmanager", "resolve:ssm-secure");
            for (String function : FUNCTIONS) {
                assertThat(template.environment(function).keySet()).as(function)
                        .noneMatch(name -> name.matches(".*(PASSWORD|USERNAME|API_KEY|SIGNING|TOKEN).*"));
                assertThat(template.environment(function).keySet()).as(function)
                        .filteredOn(name -> name.contains("SECRET"))
                        .isSubsetOf(RatelinkStack.SECRET_ARN_ENV);
            }
        }
    }

    @Test
    void existingSecretsAreUsedByNameAndGrantedWithTheirVersionSuffixWildcard() {
        TemplateJson imported = SynthesizedStacks.devWithOptions();
        imported.template().resourceCountIs("AWS::SecretsManager::Secret", 0);
        Map<String, String> secretOf = Map.of(
                "Capture", SynthesizedStacks.EXISTING_KEYS_SECRET_NAME,
                "Http", SynthesizedStacks.EXISTING_KEYS_SECRET_NAME,
                "Escalate", SynthesizedStacks.EXISTING_MAIL_SECRET_NAME);
        secretOf.forEach((function, name) -> {
            assertThat(imported.environment(function).get(RatelinkStack.SECRET_ARN_ENV).toString())
                    .as(function).contains(":secret:" + name);
            assertThat(secretStatementsOf(imported, function)).as(function)
                    .singleElement()
                    .satisfies(statement -> assertThat(statement.resource().toString()).contains(":secret:" + name + "-??????"));
        });
    }

    private static List<TemplateJson.Statement> secretStatementsOf(TemplateJson template, String function) {
        return template.statementsOf(function).stream()
                .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("secretsmanager:")))
                .toList();
    }
}
