package io.ratelink.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What Lambda's managed Java runtime does with a function, run in the function's own JVM by {@link PackagedFunction}:
 * loads the handler the deployment names ({@code QuarkusStreamHandler::handleRequest}) from the unpacked zip, then
 * takes each event from the runtime API, hands it to the handler and posts the answer back, or the failure.
 *
 * <p>It reaches the handler and Lambda's {@code Context} through reflection only, so that nothing but the JDK and the
 * zip's own classes is on the class path.
 */
public final class PackagedFunctionHost {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    private PackagedFunctionHost() {
    }

    public static void main(String[] args) throws Exception {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Object handler;
        Method handle;
        Class<?> context;
        try {
            Class<?> handlerClass = Class.forName(HANDLER);
            context = Class.forName(CONTEXT);
            handler = handlerClass.getConstructor().newInstance();
            handle = handlerClass.getMethod("handleRequest", InputStream.class, OutputStream.class, context);
        } catch (Throwable failed) {
            post(http, api + "init/error", stackTrace(failed));
            throw failed;
        }
        while (true) {
            HttpResponse<byte[]> next = http.send(HttpRequest.newBuilder(URI.create(api + "invocation/next")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                handle.invoke(handler, new ByteArrayInputStream(next.body()), answer, context(context, requestId, deadline));
                post(http, api + "invocation/" + requestId + "/response", answer.toString(StandardCharsets.UTF_8));
            } catch (Throwable failed) {
                post(http, api + "invocation/" + requestId + "/error", stackTrace(failed));
            }
        }
    }

    private static Object context(Class<?> context, String requestId, long deadline) throws ClassNotFoundException {
        Class<?> logger = Class.forName(LOGGER);
        Object log = Proxy.newProxyInstance(logger.getClassLoader(), new Class<?>[] { logger }, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length > 0) {
                System.out.print(args[0] instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : args[0]);
            }
            return null;
        });
        return Proxy.newProxyInstance(context.getClassLoader(), new Class<?>[] { context }, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getAwsRequestId":
                    return requestId;
                case "getRemainingTimeInMillis":
                    return (int) Math.max(0, deadline - System.currentTimeMillis());
                case "getMemoryLimitInMB":
                    return 1024;
                case "getFunctionName":
                    return "packaged-function";
                case "getFunctionVersion":
                    return "$LATEST";
                case "getInvokedFunctionArn":
                    return "arn:aws:lambda:us-east-1:123456789012:function:packaged-function";
                case "getLogGroupName":
                    return "/aws/lambda/packaged-function";
                case "getLogStreamName":
                    return "packaged-function";
                case "getLogger":
                    return log;
                case "toString":
                    return "Context " + requestId;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return null;
            }
        });
    }

    private static void post(HttpClient http, String url, String body) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static String stackTrace(Throwable failure) {
        Throwable cause = failure instanceof java.lang.reflect.InvocationTargetException invocation
                && invocation.getCause() != null ? invocation.getCause() : failure;
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
