package io.ratelink.infra;

import io.ratelink.routes.PublicRoutes;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HttpApiTest {

    private static Set<String> routeKeys(TemplateJson template) {
        return template.resources("AWS::ApiGatewayV2::Route").values().stream()
                .map(route -> (String) TemplateJson.properties(route).get("RouteKey"))
                .collect(Collectors.toSet());
    }

    @Test
    void everyStageRoutesExactlyTheDeclaredPublicRoutes() {
        List<String> declared = PublicRoutes.fromClasspath().stream()
                .flatMap(route -> route.routeKeys().stream()).toList();
        assertThat(declared).contains("GET /r/{token}", "POST /r/{token}", "HEAD /r/{token}", "ANY /v1/{proxy+}");
        for (TemplateJson template : List.of(SynthesizedStacks.prod(), SynthesizedStacks.devWithOptions())) {
            assertThat(routeKeys(template)).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    @Test
    void theRatingLinksGoToTheCaptureFunctionAndEveryOtherRouteToTheHttpFunction() {
        TemplateJson prod = SynthesizedStacks.prod();
        Map<String, Map<String, Object>> integrations = prod.resources("AWS::ApiGatewayV2::Integration");
        String captureAlias = prod.logicalId("AWS::Lambda::Alias", "CaptureLiveAlias");
        String httpAlias = prod.logicalId("AWS::Lambda::Alias", "HttpLiveAlias");
        for (Map<String, Object> route : prod.resources("AWS::ApiGatewayV2::Route").values()) {
            Map<String, Object> properties = TemplateJson.properties(route);
            String key = (String) properties.get("RouteKey");
            String target = String.valueOf(properties.get("Target"));
            String integrationId = integrations.keySet().stream().filter(target::contains).findFirst().orElseThrow();
            Object alias = ((Map<?, ?>) TemplateJson.properties(integrations.get(integrationId)).get("IntegrationUri")).get("Ref");
            assertThat(alias).as(key).isEqualTo(key.endsWith(" /r/{token}") ? captureAlias : httpAlias);
        }
    }

    @Test
    void theDemoPageIsNeverRoutedSinceTheDeployedFunctionDoesNotServeIt() {
        for (TemplateJson template : List.of(SynthesizedStacks.prod(), SynthesizedStacks.devWithOptions())) {
            assertThat(routeKeys(template)).noneMatch(key -> key.contains("/demo"));
        }
    }

    @Test
    void devPagesAndCatchAllRoutesAreNeverRouted() {
        for (TemplateJson template : List.of(SynthesizedStacks.prod(), SynthesizedStacks.devWithOptions())) {
            assertThat(routeKeys(template))
                    .noneMatch(key -> key.contains(" /dev"))
                    .doesNotContain("$default", "ANY /{proxy+}");
        }
    }

    @Test
    void oneStageDeploysItselfAndNoOtherExists() {
        TemplateJson prod = SynthesizedStacks.prod();
        prod.template().resourceCountIs("AWS::ApiGatewayV2::Api", 1);
        prod.template().resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        prod.template().hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "StageName", "$default", "AutoDeploy", true)));
        prod.template().hasResourceProperties("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of("ProtocolType", "HTTP")));
    }

    @Test
    void linksUseTheApiEndpointOrTheCustomDomainWhenOneIsGiven() {
        TemplateJson prod = SynthesizedStacks.prod();
        assertThat(prod.environment("Http").get("RATELINK_BASE_URL"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of(prod.logicalId("AWS::ApiGatewayV2::Api", "PublicApi"), "ApiEndpoint")));

        TemplateJson withDomain = SynthesizedStacks.devWithOptions();
        String domainName = SynthesizedStacks.CUSTOM_DOMAIN.domainName();
        withDomain.template().hasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.objectLike(Map.of(
                "DomainName", domainName,
                "DomainNameConfigurations", List.of(Match.objectLike(Map.of(
                        "CertificateArn", SynthesizedStacks.CUSTOM_DOMAIN.certificateArn()))))));
        withDomain.template().resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 1);
        assertThat(String.valueOf(withDomain.environment("Http").get("RATELINK_BASE_URL"))).contains("https://");
        assertThat(withDomain.json().get("Outputs").toString()).contains("CustomDomainTarget");
    }
}
