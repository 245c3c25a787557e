package io.ratelink.infra;

import io.ratelink.storage.Tables;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionsTest {

    private static final List<String> FUNCTIONS = List.of("Http", "Recompute", "Notify");

    @Test
    void everyFunctionIsAQuarkusJava21FunctionOnArm64() {
        TemplateJson prod = SynthesizedStacks.prod();
        prod.template().resourceCountIs("AWS::Lambda::Function", FUNCTIONS.size());
        for (String name : FUNCTIONS) {
            Map<String, Object> function = prod.function(name);
            assertThat(function).as(name)
                    .containsEntry("Runtime", "java21")
                    .containsEntry("Architectures", List.of("arm64"))
                    .containsEntry("Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(((Number) function.get("MemorySize")).intValue()).as(name).isBetween(512, 3008);
            assertThat(((Number) function.get("Timeout")).intValue()).as(name).isBetween(5, 900);
        }
        assertThat(((Number) prod.function("Http").get("Timeout")).intValue())
                .as("API Gateway gives up after 30 s").isLessThanOrEqualTo(29);
    }

    @Test
    void everyFunctionRunsTheProdProfileAndKnowsEveryTableByName() {
        TemplateJson prod = SynthesizedStacks.prod();
        for (String name : FUNCTIONS) {
            Map<String, Object> environment = prod.environment(name);
            assertThat(environment).as(name).containsEntry("QUARKUS_PROFILE", "prod");
            assertThat(environment).as(name)
                    .containsEntry("RATELINK_TABLES_RATINGS", Map.of("Ref", prod.tableId(Tables.RATINGS.name())))
                    .containsEntry("RATELINK_TABLES_AGENTS", Map.of("Ref", prod.tableId(Tables.AGENTS.name())))
                    .containsEntry("RATELINK_TABLES_SCORES", Map.of("Ref", prod.tableId(Tables.SCORES.name())));
        }
    }

    @Test
    void notifyAndHttpSendThroughTheSesSmtpEndpointFromTheSenderParameter() {
        for (String name : List.of("Notify", "Http")) {
            Map<String, Object> environment = SynthesizedStacks.prod().environment(name);
            assertThat(environment).as(name)
                    .containsEntry("QUARKUS_MAILER_FROM", Map.of("Ref", "SenderAddress"))
                    .containsEntry("QUARKUS_MAILER_HOST", Map.of("Fn::Sub", "email-smtp.${AWS::Region}.amazonaws.com"))
                    .containsEntry("QUARKUS_MAILER_PORT", "587")
                    .containsEntry("QUARKUS_MAILER_START_TLS", "REQUIRED")
                    .containsEntry("RATELINK_HELPDESK_TICKET_URL", Map.of("Ref", "HelpdeskTicketUrl"));
        }
        assertThat(SynthesizedStacks.prod().environment("Recompute").keySet()).noneMatch(key -> key.startsWith("QUARKUS_MAILER_"));
    }

    @Test
    void httpGivesUpOnAThrottledTableAfterThreeAttempts() {
        TemplateJson prod = SynthesizedStacks.prod();
        assertThat(prod.environment("Http"))
                .containsEntry("AWS_RETRY_MODE", "standard")
                .containsEntry("AWS_MAX_ATTEMPTS", "3");
        for (String name : List.of("Recompute", "Notify")) {
            assertThat(prod.environment(name)).as(name).doesNotContainKeys("AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS");
        }
    }

    @Test
    void eachModuleHasOneNamedHandlerSoNoFunctionChoosesOne() {
        for (String name : FUNCTIONS) {
            assertThat(SynthesizedStacks.prod().environment(name)).as(name).doesNotContainKey("QUARKUS_LAMBDA_HANDLER");
        }
    }

    @Test
    void theRecomputeTimesOutBeforeItsLeaseRunsOut() {
        int timeout = ((Number) SynthesizedStacks.prod().function("Recompute").get("Timeout")).intValue();
        assertThat(timeout).isEqualTo(RatelinkStack.RECOMPUTE_TIMEOUT.toSeconds().intValue())
                .isLessThan(RatelinkStack.RECOMPUTE_LEASE.toSeconds().intValue());
        assertThat(RatelinkStack.RECOMPUTE_LEASE.toSeconds().intValue()).as("ratelink.recompute.lease default 15m").isEqualTo(900);
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithARetention() {
        TemplateJson prod = SynthesizedStacks.prod();
        for (String name : FUNCTIONS) {
            String logGroupId = prod.logicalId("AWS::Logs::LogGroup", name + "Logs");
            assertThat(prod.function(name).get("LoggingConfig")).as(name).isEqualTo(Map.of("LogGroup", Map.of("Ref", logGroupId)));
            assertThat(TemplateJson.properties(prod.resources("AWS::Logs::LogGroup").get(logGroupId))).as(name)
                    .containsEntry("RetentionInDays", 90);
        }
    }

    @Test
    void onlyTheHttpFunctionUsesSnapStart() {
        TemplateJson prod = SynthesizedStacks.prod();
        assertThat(prod.function("Http").get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        assertThat(prod.function("Recompute")).doesNotContainKey("SnapStart");
        assertThat(prod.function("Notify")).doesNotContainKey("SnapStart");
    }

    @Test
    void theApiCallsTheLiveAliasOfAPublishedHttpVersion() {
        TemplateJson prod = SynthesizedStacks.prod();
        String versionId = prod.logicalId("AWS::Lambda::Version", "HttpFunctionCurrentVersion");
        assertThat(TemplateJson.properties(prod.resources("AWS::Lambda::Version").get(versionId)))
                .containsEntry("FunctionName", Map.of("Ref", prod.functionId("Http")));
        String aliasId = prod.logicalId("AWS::Lambda::Alias", "HttpLiveAlias");
        assertThat(TemplateJson.properties(prod.resources("AWS::Lambda::Alias").get(aliasId)))
                .containsEntry("Name", RatelinkStack.LIVE_ALIAS)
                .containsEntry("FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version")));

        prod.template().allResourcesProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of(
                "IntegrationType", "AWS_PROXY",
                "PayloadFormatVersion", "2.0",
                "IntegrationUri", Map.of("Ref", aliasId))));
        prod.resources("AWS::Lambda::Permission").values().stream()
                .map(TemplateJson::properties)
                .filter(permission -> "apigateway.amazonaws.com".equals(permission.get("Principal")))
                .forEach(permission -> assertThat(permission.get("FunctionName")).isEqualTo(Map.of("Ref", aliasId)));
    }

    @Test
    void aMissingFunctionZipFailsTheSynthesisNamingIt() {
        FunctionArtifacts built = SynthesizedStacks.placeholderArtifacts();
        Path missing = built.notifyZip().resolveSibling("no-such-module/target/function.zip");
        FunctionArtifacts notifyNotBuilt = new FunctionArtifacts(built.httpZip(), built.recomputeZip(), missing);

        assertThatThrownBy(() -> new RatelinkStack(new App(), "ratelink-dev", StackProps.builder().build(),
                StackSettings.stage("dev"), notifyNotBuilt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'notify'")
                .hasMessageContaining(missing.toString());
    }
}
