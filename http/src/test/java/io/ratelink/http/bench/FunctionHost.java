package io.ratelink.http.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What the managed Java runtime does with a function: load the handler class named in the deployment
 * ({@code QuarkusStreamHandler::handleRequest}), then loop — take the next event from the Lambda runtime API,
 * call the handler with it, post the answer back. Runs in its own JVM on the packaged function's classpath.
 */
public final class FunctionHost {

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        long invocations = 0;
        long handlerNanos = 0;
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(api + "next")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long start = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(next.body()), answer, context(requestId));
            handlerNanos += System.nanoTime() - start;
            if (++invocations % 1000 == 0) {
                System.out.printf("handler: invocations %d, mean %.2f ms in the handler over the last 1000%n",
                        invocations, handlerNanos / 1e6 / 1000);
                handlerNanos = 0;
            }
            http.send(HttpRequest.newBuilder(URI.create(api + requestId + "/response"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(answer.toByteArray())).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static Context context(String requestId) {
        return new Context() {
            public String getAwsRequestId() { return requestId; }
            public String getLogGroupName() { return "/aws/lambda/ratelink-http"; }
            public String getLogStreamName() { return "bench"; }
            public String getFunctionName() { return "ratelink-http"; }
            public String getFunctionVersion() { return "$LATEST"; }
            public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:ratelink-http"; }
            public CognitoIdentity getIdentity() { return null; }
            public ClientContext getClientContext() { return null; }
            public int getRemainingTimeInMillis() { return 30_000; }
            public int getMemoryLimitInMB() { return 1024; }
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    public void log(String message) { System.out.print(message); }
                    public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
                };
            }
        };
    }
}
