package io.ratelink.capture.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import io.quarkus.arc.Arc;
import io.ratelink.capture.snapstart.CapturePriming;

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
 *
 * <p>With {@value #PRIME} set it does what SnapStart does when it publishes a version: calls the CRaC resources
 * registered with the global context ({@code beforeCheckpoint}, then {@code afterRestore}), then waits
 * {@value #QUIET_MS} milliseconds, longer than a kept-alive connection lives, so the first click opens its own
 * connection as a restored function does. It prints {@code timing} lines for the benchmark: how long
 * {@code new QuarkusStreamHandler()} took (what a snapshot holds), the priming, and the first request's handler time.
 */
public final class FunctionHost {

    static final String PRIME = "BENCH_PRIME";
    static final String QUIET_MS = "BENCH_QUIET_MS";

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long constructing = System.nanoTime();
        QuarkusStreamHandler handler = new QuarkusStreamHandler();
        System.out.printf("timing construct-ms=%.1f jvm-to-constructed-ms=%d%n", (System.nanoTime() - constructing) / 1e6,
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        if (Boolean.parseBoolean(System.getenv(PRIME))) {
            long primingStarted = System.nanoTime();
            // the CRaC global context refuses calls from outside a checkpoint, so the resource is called as it would be
            CapturePriming priming = Arc.container().instance(CapturePriming.class).get();
            priming.beforeCheckpoint(null);
            priming.afterRestore(null);
            System.out.printf("timing prime-ms=%.1f%n", (System.nanoTime() - primingStarted) / 1e6);
            Thread.sleep(Long.parseLong(System.getenv().getOrDefault(QUIET_MS, "6000")));
        }
        System.out.println("timing ready");
        System.out.flush();
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
            if (invocations == 0) {
                System.out.printf("timing first-request-ms=%.1f%n", (System.nanoTime() - start) / 1e6);
                System.out.flush();
                handlerNanos = 0;
            }
            if (++invocations % 1000 == 1 && invocations > 1) {
                System.out.printf("timing handler-mean-ms=%.3f (invocations %d, the last 1000)%n",
                        handlerNanos / 1e6 / 1000, invocations - 1);
                System.out.flush();
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
