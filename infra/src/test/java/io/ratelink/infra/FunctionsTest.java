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

    private static final List<String> FUNCTIONS = List.of("Capture", "Http", "Recompute", "Notify", "Escalate");

    @Test
    void everyFunctionIsAQuarkusJava25FunctionOnArm64() {
        TemplateJson prod = SynthesizedStacks.prod();
        prod.template().resourceCountIs("AWS::Lambda::Function", FUNCTIONS.size());
        for (String name : FUNCTIONS) {
            Map<String, Object> function = prod.function(name);
            assertThat(function).as(name)
                    .containsEntry("Runtime", "java25")
                    .containsEntry("Architectures", List.of("arm64"))
                    .containsEntry("Handler", "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(((Number) function.get("MemorySize")).intValue()).as(name).isBetween(512, 3008);
            assertThat(((Number) function.get("Timeout")).intValue()).as(name).isBetween(5, 900);
        }
        for (String name : List.of("Capture", "Http")) {
            assertThat(((Number) prod.function(name).get("Timeout")).intValue())
                    .as("API Gateway gives up after 30 s").isLessThanOrEqualTo(29);
        }
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
    void onlyEscalateSendsMailThroughTheSesSmtpEndpointFromTheSenderParameter() {
        assertThat(SynthesizedStacks.prod().environment("Escalate"))
                .containsEntry("RATELINK_SMTP_FROM", Map.of("Ref", "SenderAddress"))
                .containsEntry("RATELINK_SMTP_HOST", Map.of("Fn::Sub", "email-smtp.${AWS::Region}.amazonaws.com"))
                .containsEntry("RATELINK_SMTP_PORT", "587")
                .containsEntry("RATELINK_SMTP_TLS", "starttls")
                .containsEntry("RATELINK_HELPDESK_TICKET_URL", Map.of("Ref", "HelpdeskTicketUrl"));
        for (String name : List.of("Capture", "Http", "Notify", "Recompute")) {
            assertThat(SynthesizedStacks.prod().environment(name).keySet()).as(name)
                    .noneMatch(key -> key.startsWith("RATELINK_SMTP_") || key.startsWith("QUARKUS_MAILER_"));
        }
    }

    @Test
    void theTriesOfAwsCallsAreTheApplicationsConfigurationNotTheEnvironments() {
        for (String name : FUNCTIONS) {
            assertThat(SynthesizedStacks.prod().environment(name)).as(name).doesNotContainKeys("AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS");
        }
    }

    @Test
    void theNotifyModuleIsDeployedTwiceWithItsHandlerChosenByName() {
        TemplateJson prod = SynthesizedStacks.prod();
        assertThat(prod.function("Notify").get("Code")).isEqualTo(prod.function("Escalate").get("Code"));
        assertThat(prod.environment("Notify")).containsEntry(RatelinkStack.LAMBDA_HANDLER_ENV, "notify");
        assertThat(prod.environment("Escalate")).containsEntry(RatelinkStack.LAMBDA_HANDLER_ENV, "escalate");
        for (String name : List.of("Http", "Recompute")) {
            assertThat(prod.environment(name)).as(name).doesNotContainKey(RatelinkStack.LAMBDA_HANDLER_ENV);
        }
    }

    @Test
    void httpNotifyAndEscalateKnowTheEscalationQueueAndRecomputeDoesNot() {
        TemplateJson prod = SynthesizedStacks.prod();
        String queue = prod.logicalId("AWS::SQS::Queue", "EscalationQueue");
        for (String name : List.of("Http", "Notify", "Escalate")) {
            assertThat(prod.environment(name)).as(name).containsEntry(RatelinkStack.ESCALATION_QUEUE_URL_ENV, Map.of("Ref", queue));
        }
        assertThat(prod.environment("Recompute")).doesNotContainKey(RatelinkStack.ESCALATION_QUEUE_URL_ENV);
    }

    @Test
    void httpKnowsTheRecomputeFunctionItHandsRunsTo() {
        TemplateJson prod = SynthesizedStacks.prod();
        assertThat(prod.environment("Http")).containsEntry(RatelinkStack.RECOMPUTE_FUNCTION_ENV,
                Map.of("Fn::GetAtt", List.of(prod.functionId("Recompute"), "Arn")));
    }

    @Test
    void escalateHasTwoMinutesAndTheQueueHidesAMessageSixTimesThatLong() {
        TemplateJson prod = SynthesizedStacks.prod();
        int timeout = ((Number) prod.function("Escalate").get("Timeout")).intValue();
        assertThat(timeout).isEqualTo(120);
        assertThat(TemplateJson.properties(prod.resource("AWS::SQS::Queue", "EscalationQueue")).get("VisibilityTimeout"))
                .isEqualTo(6 * timeout);
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
    void theFunctionsBehindTheApiUseSnapStartAndTheOthersDoNot() {
        TemplateJson prod = SynthesizedStacks.prod();
        for (String name : List.of("Capture", "Http")) {
            assertThat(prod.function(name).get("SnapStart")).as(name).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        }
        for (String name : List.of("Recompute", "Notify", "Escalate")) {
            assertThat(prod.function(name)).as(name).doesNotContainKey("SnapStart");
        }
    }

    @Test
    void theApiCallsTheLiveAliasesOfPublishedCaptureAndHttpVersions() {
        TemplateJson prod = SynthesizedStacks.prod();
        for (String name : List.of("Capture", "Http")) {
            String versionId = prod.logicalId("AWS::Lambda::Version", name + "FunctionCurrentVersion");
            assertThat(TemplateJson.properties(prod.resources("AWS::Lambda::Version").get(versionId))).as(name)
                    .containsEntry("FunctionName", Map.of("Ref", prod.functionId(name)));
            String aliasId = prod.logicalId("AWS::Lambda::Alias", name + "LiveAlias");
            assertThat(TemplateJson.properties(prod.resources("AWS::Lambda::Alias").get(aliasId))).as(name)
                    .containsEntry("Name", RatelinkStack.LIVE_ALIAS)
                    .containsEntry("FunctionVersion", Map.of("Fn::GetAtt", List.of(versionId, "Version")));
        }
        List<String> aliases = List.of(prod.logicalId("AWS::Lambda::Alias", "CaptureLiveAlias"),
                prod.logicalId("AWS::Lambda::Alias", "HttpLiveAlias"));
        prod.template().allResourcesProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of(
                "IntegrationType", "AWS_PROXY",
                "PayloadFormatVersion", "2.0")));
        assertThat(prod.resources("AWS::ApiGatewayV2::Integration").values().stream()
                .map(TemplateJson::properties).map(integration -> (String) ((Map<?, ?>) integration.get("IntegrationUri")).get("Ref"))
                .toList())
                .containsExactlyInAnyOrderElementsOf(aliases);
        prod.resources("AWS::Lambda::Permission").values().stream()
                .map(TemplateJson::properties)
                .filter(permission -> "apigateway.amazonaws.com".equals(permission.get("Principal")))
                .forEach(permission -> assertThat(aliases).contains((String) ((Map<?, ?>) permission.get("FunctionName")).get("Ref")));
    }

    @Test
    void aMissingFunctionZipFailsTheSynthesisNamingIt() {
        FunctionArtifacts built = SynthesizedStacks.placeholderArtifacts();
        Path missing = built.notifyZip().resolveSibling("no-such-module/target/function.zip");
        FunctionArtifacts notifyNotBuilt = new FunctionArtifacts(built.captureZip(), built.httpZip(),
                built.recomputeZip(), missing);

        assertThatThrownBy(() -> new RatelinkStack(new App(), "ratelink-dev", StackProps.builder().build(),
                StackSettings.stage("dev"), notifyNotBuilt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'notify'")
                .hasMessageContaining(missing.toString());
    }
}
