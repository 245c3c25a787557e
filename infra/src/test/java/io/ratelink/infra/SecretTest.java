package io.ratelink.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {

    private static final List<String> FUNCTIONS = List.of("Http", "Recompute", "Notify");

    @Test
    void theStackCreatesTheSecretWithAGeneratedSigningKeyAndNoValueInTheTemplate() {
        TemplateJson prod = SynthesizedStacks.prod();
        prod.template().resourceCountIs("AWS::SecretsManager::Secret", 1);
        prod.template().hasResource("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "SecretString", Match.absent(),
                        "GenerateSecretString", Match.objectLike(Map.of(
                                "GenerateStringKey", "ratelink.signing.keys." + RatelinkStack.INITIAL_SIGNING_KID,
                                "SecretStringTemplate", Match.serializedJson(Match.objectEquals(Map.of(
                                        "ratelink.signing.active-kid", RatelinkStack.INITIAL_SIGNING_KID,
                                        "ratelink.api-keys", "",
                                        "quarkus.mailer.username", "",
                                        "quarkus.mailer.password", ""))))))))));
    }

    @Test
    void everyFunctionGetsTheSecretArnAndMayOnlyGetItsValue() {
        TemplateJson prod = SynthesizedStacks.prod();
        String secret = prod.logicalId("AWS::SecretsManager::Secret", "Secret");
        for (String function : FUNCTIONS) {
            assertThat(prod.environment(function)).as(function).containsEntry(RatelinkStack.SECRET_ARN_ENV, Map.of("Ref", secret));
            assertThat(prod.statementsOf(function)).as(function)
                    .filteredOn(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("secretsmanager:")))
                    .singleElement()
                    .satisfies(statement -> {
                        assertThat(statement.actions()).containsExactly("secretsmanager:GetSecretValue");
                        assertThat(statement.resource()).isEqualTo(Map.of("Ref", secret));
                    });
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
                        .containsExactly(RatelinkStack.SECRET_ARN_ENV);
            }
        }
    }

    @Test
    void anExistingSecretIsUsedByNameAndGrantedWithItsVersionSuffixWildcard() {
        TemplateJson imported = SynthesizedStacks.devWithOptions();
        imported.template().resourceCountIs("AWS::SecretsManager::Secret", 0);
        for (String function : FUNCTIONS) {
            assertThat(imported.environment(function).get(RatelinkStack.SECRET_ARN_ENV).toString())
                    .as(function).contains(":secret:" + SynthesizedStacks.EXISTING_SECRET_NAME);
            assertThat(imported.statementsOf(function)).as(function)
                    .filteredOn(statement -> statement.actions().contains("secretsmanager:GetSecretValue"))
                    .singleElement()
                    .satisfies(statement -> assertThat(statement.resource().toString())
                            .contains(":secret:" + SynthesizedStacks.EXISTING_SECRET_NAME + "-??????"));
        }
    }
}
