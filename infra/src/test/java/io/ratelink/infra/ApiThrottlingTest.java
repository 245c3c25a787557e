package io.ratelink.infra;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiThrottlingTest {

    private final TemplateJson prod = SynthesizedStacks.prod();
    private final Map<String, Object> stage = prod.resource("AWS::ApiGatewayV2::Stage", "PublicApiDefaultStage");

    @Test
    @SuppressWarnings("unchecked")
    void everyRatingLinkRouteHasItsOwnThrottle() {
        Map<String, Object> routeSettings = (Map<String, Object>) TemplateJson.properties(stage).get("RouteSettings");
        Map<String, Object> ratingLinkLimits = Map.of(
                "ThrottlingRateLimit", PublicApi.RATING_LINK_THROTTLE.ratePerSecond(),
                "ThrottlingBurstLimit", PublicApi.RATING_LINK_THROTTLE.burst());
        assertThat(routeSettings).containsOnlyKeys("GET /r/{token}", "POST /r/{token}", "HEAD /r/{token}");
        assertThat(routeSettings.values()).allSatisfy(limits -> assertThat(limits).isEqualTo(ratingLinkLimits));
    }

    @Test
    void everyOtherRouteGetsTheStageDefaultThrottle() {
        assertThat(TemplateJson.properties(stage).get("DefaultRouteSettings")).isEqualTo(Map.of(
                "ThrottlingRateLimit", PublicApi.DEFAULT_THROTTLE.ratePerSecond(),
                "ThrottlingBurstLimit", PublicApi.DEFAULT_THROTTLE.burst()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStageWaitsForTheRoutesItsSettingsName() {
        List<String> dependsOn = (List<String>) stage.get("DependsOn");
        prod.resources("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
            if (((String) TemplateJson.properties(route).get("RouteKey")).contains("/r/")) {
                assertThat(dependsOn).contains(id);
            }
        });
    }
}
