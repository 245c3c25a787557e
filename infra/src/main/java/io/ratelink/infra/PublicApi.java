package io.ratelink.infra;

import io.ratelink.routes.PublicRoutes;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API in front of the capture function (the rating links) and the HTTP function (everything else). Only the
 * public routes ({@link PublicRoutes}, declared once beside the functions' code) are routed; anything else (the dev
 * pages, the demo page, which the deployed functions do not serve) is answered 404 by API Gateway without invoking a
 * function.
 */
public final class PublicApi extends Construct {

    /** Rate and burst limits of API Gateway throttling, in requests per second. */
    public record Throttle(int ratePerSecond, int burst) {
    }

    /** Each rating-link route: a mail scanner or a flood of clicks cannot take the whole account's API quota. */
    public static final Throttle RATING_LINK_THROTTLE = new Throttle(100, 200);

    /** Every other route: the admin API and the dashboard. */
    public static final Throttle DEFAULT_THROTTLE = new Throttle(50, 100);

    private final HttpApi api;
    private final HttpStage stage;
    private final Optional<DomainName> domain;

    public PublicApi(Construct scope, String id, String apiName, Optional<StackSettings.CustomDomain> customDomain) {
        super(scope, id);
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName(apiName)
                .description("ratelink: rating links, admin API, dashboard")
                .createDefaultStage(false)
                .build();
        this.domain = customDomain.map(custom -> DomainName.Builder.create(this, "Domain")
                .domainName(custom.domainName())
                .certificate(Certificate.fromCertificateArn(this, "Certificate", custom.certificateArn()))
                .build());
        HttpStage.Builder stageBuilder = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(throttleSettings(DEFAULT_THROTTLE));
        domain.ifPresent(name -> stageBuilder.domainMapping(DomainMappingOptions.builder().domainName(name).build()));
        this.stage = stageBuilder.build();
    }

    /** The origin links are minted with: the custom domain if there is one, the API's own endpoint otherwise. */
    public String baseUrl() {
        return domain.map(name -> "https://" + name.getName()).orElse(api.getApiEndpoint());
    }

    public HttpApi api() {
        return api;
    }

    public Optional<DomainName> domain() {
        return domain;
    }

    /**
     * Routes the rating links to the capture function and every other public route to the HTTP function (their
     * SnapStart aliases).
     */
    public void routeTo(IFunction capture, IFunction http) {
        HttpLambdaIntegration captureIntegration = HttpLambdaIntegration.Builder.create("CaptureFunction", capture).build();
        HttpLambdaIntegration httpIntegration = HttpLambdaIntegration.Builder.create("HttpFunction", http).build();
        Map<String, Object> perRouteThrottling = new LinkedHashMap<>();
        for (PublicRoutes.Route route : PublicRoutes.fromClasspath()) {
            List<HttpRoute> added = api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(route.methods().stream().map(HttpMethod::valueOf).toList())
                    .integration(route.ratingLink() ? captureIntegration : httpIntegration)
                    .build());
            if (route.ratingLink()) {
                route.routeKeys().forEach(key -> perRouteThrottling.put(key, routeSettings(RATING_LINK_THROTTLE)));
                // route settings name routes by key: the stage can only be updated once they exist
                added.forEach(stage.getNode()::addDependency);
            }
        }
        ((CfnStage) stage.getNode().getDefaultChild()).addPropertyOverride("RouteSettings", perRouteThrottling);
    }

    private static ThrottleSettings throttleSettings(Throttle throttle) {
        return ThrottleSettings.builder().rateLimit(throttle.ratePerSecond()).burstLimit(throttle.burst()).build();
    }

    private static Map<String, Object> routeSettings(Throttle throttle) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ThrottlingRateLimit", throttle.ratePerSecond());
        settings.put("ThrottlingBurstLimit", throttle.burst());
        return settings;
    }
}
