package io.ratelink.click.snapstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synthetic API Gateway HTTP API (v2) events, as a browser's requests arrive, for priming a function before its
 * SnapStart snapshot, and the Lambda context they are handled with.
 */
public final class PrimingEvents {

    /** One event and the status it must be answered with. */
    public record Request(String description, APIGatewayV2HTTPEvent event, int expectedStatus) {
    }

    public static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.5 Safari/605.1.15";
    /** A documentation address (RFC 5737): no real client, no scanner network. */
    public static final String SOURCE_IP = "192.0.2.10";

    public static final Context CONTEXT = new Context() {
        public String getAwsRequestId() { return "priming"; }
        public String getLogGroupName() { return ""; }
        public String getLogStreamName() { return ""; }
        public String getFunctionName() { return ""; }
        public String getFunctionVersion() { return ""; }
        public String getInvokedFunctionArn() { return ""; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 30_000; }
        public int getMemoryLimitInMB() { return 0; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { }
                public void log(byte[] message) { }
            };
        }
    };

    private PrimingEvents() {
    }

    public static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> extraHeaders, String body) {
        return request(method, path, extraHeaders, body, "");
    }

    public static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> extraHeaders,
            String body, String query) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        headers.put("accept-encoding", "gzip, deflate, br");
        headers.put("host", "priming.invalid");
        headers.put("user-agent", BROWSER);
        headers.put("x-forwarded-proto", "https");
        headers.putAll(extraHeaders);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        headers.put("content-length", Integer.toString(bytes.length));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(path)
                .withRawQueryString(query)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("priming")
                        .withDomainName("priming.invalid")
                        .withRequestId("priming")
                        .withRouteKey("$default")
                        .withStage("$default")
                        .withTimeEpoch(System.currentTimeMillis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(path)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp(SOURCE_IP)
                                .withUserAgent(BROWSER)
                                .build())
                        .build())
                .build();
    }
}
