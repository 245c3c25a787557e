package io.ratelink.capture.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.ratelink.click.ClientAddresses;
import io.ratelink.click.LinkAnswer;
import io.ratelink.click.LinkRequest;
import io.ratelink.click.PageHeaders;
import io.ratelink.click.RatingLink;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.ClickRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The capture function: API Gateway (HTTP API, payload 2.0) sends it the rating links' requests, {@code GET},
 * {@code HEAD} and {@code POST /r/{token}}, and it answers them straight from the event, with no HTTP server in
 * between. The client address is API Gateway's {@code requestContext.http.sourceIp}, or behind trusted proxies
 * ({@code ratelink.scanners.trusted-proxies}) the forwarded one ({@link ClientAddresses}). One instance serves every
 * invocation: the runtime looks the handler up per event, and a dependent bean would be built anew each time.
 */
@Named("capture")
@Singleton
public class CaptureHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final String RATING_LINK = "/r/";
    private static final List<String> PURPOSE_HEADERS = ClickRequest.PURPOSE_HEADERS.stream()
            .map(name -> name.toLowerCase(Locale.ROOT)).toList();

    private final RatingLink link;
    private final ClientAddresses clientAddresses;

    public CaptureHandler(RatingLink link, RatelinkConfig config) {
        this.link = link;
        this.clientAddresses = new ClientAddresses(config.scanners().trustedProxies().orElse(List.of()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = Optional.ofNullable(event.getRequestContext()).map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod).orElse("GET").toUpperCase(Locale.ROOT);
        Optional<String> token = token(event.getRawPath());
        if (token.isEmpty()) {
            return response(method, new LinkAnswer(404, "text/plain;charset=UTF-8", "Not a rating link.", Map.of()));
        }
        Map<String, String> headers = lowerCased(event.getHeaders());
        List<String> purposes = PURPOSE_HEADERS.stream().map(headers::get).filter(Objects::nonNull).toList();
        LinkRequest request = new LinkRequest(method, token.get(), Optional.ofNullable(headers.get("content-type")),
                body(event), Optional.ofNullable(headers.get("user-agent")), purposes,
                clientAddresses.of(sourceIp(event), Optional.ofNullable(headers.get("x-forwarded-for"))));
        return response(method, link.answer(request));
    }

    /** The token of {@code /r/{token}}; empty for any other path. */
    static Optional<String> token(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(RATING_LINK)) {
            return Optional.empty();
        }
        String token = rawPath.substring(RATING_LINK.length());
        return token.isEmpty() || token.contains("/") ? Optional.empty() : Optional.of(token);
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody())
                : event.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<String> sourceIp(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext()).map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getSourceIp);
    }

    /** API Gateway sends header names in lower case; a test or a proxy may not. */
    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }

    private static APIGatewayV2HTTPResponse response(String method, LinkAnswer answer) {
        Map<String, String> headers = new LinkedHashMap<>(PageHeaders.of(false));
        headers.putAll(answer.headers());
        headers.put("Content-Type", answer.contentType());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.status())
                .withHeaders(headers)
                .withBody(method.equals("HEAD") ? "" : answer.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
