package io.ratelink.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS service API on 127.0.0.1 for tests: it records every request and answers it as the service would, so the
 * real SDK client, pointed at {@link #endpoint()}, goes through its whole path (signing, protocol, errors).
 * {@link #secretsManager} answers Secrets Manager's {@code GetSecretValue}, {@link #lambdaInvoke} Lambda's
 * {@code Invoke}.
 */
public final class AwsStandIn implements AutoCloseable {

    /** A request as the stand-in received it; header names in lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the stand-in answers. */
    public record Answer(int status, String contentType, String body) {
    }

    private static final String AMZ_JSON_1_1 = "application/x-amz-json-1.1";
    private static final Pattern SECRET_ID = Pattern.compile("\"SecretId\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private AwsStandIn(Function<Request, Answer> answers) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> answer(exchange, answers));
        server.start();
    }

    /** A stand-in that answers every request with {@code answers}. */
    public static AwsStandIn answering(Function<Request, Answer> answers) {
        return new AwsStandIn(answers);
    }

    /**
     * Secrets Manager's JSON 1.1 API: {@code GetSecretValue} of a secret in {@code secretsById} (by the ARN or
     * name asked for) answers its {@code SecretString} with the fields AWS sends; any other secret id is AWS's
     * {@code ResourceNotFoundException}.
     */
    public static AwsStandIn secretsManager(Map<String, String> secretsById) {
        return new AwsStandIn(request -> {
            if (!"secretsmanager.GetSecretValue".equals(request.header("X-Amz-Target"))) {
                return new Answer(400, AMZ_JSON_1_1, "{\"__type\":\"UnknownOperationException\"}");
            }
            Matcher id = SECRET_ID.matcher(request.body());
            String secretId = id.find() ? id.group(1) : "";
            String secret = secretsById.get(secretId);
            if (secret == null) {
                return new Answer(400, AMZ_JSON_1_1, "{\"__type\":\"ResourceNotFoundException\","
                        + "\"Message\":\"Secrets Manager can't find the specified secret.\"}");
            }
            String name = secretId.contains(":secret:") ? secretId.substring(secretId.indexOf(":secret:") + 8) : secretId;
            return new Answer(200, AMZ_JSON_1_1, "{\"ARN\":" + json(secretId) + ",\"CreatedDate\":1.7645472E9,"
                    + "\"Name\":" + json(name) + ",\"SecretString\":" + json(secret)
                    + ",\"VersionId\":\"" + UUID.randomUUID() + "\",\"VersionStages\":[\"AWSCURRENT\"]}");
        });
    }

    /**
     * Lambda's {@code Invoke} ({@code POST /2015-03-31/functions/{name}/invocations}): an asynchronous invocation
     * ({@code X-Amz-Invocation-Type: Event}) is queued, {@code 202} with no body, as Lambda answers it.
     */
    public static AwsStandIn lambdaInvoke() {
        return new AwsStandIn(request -> request.path().matches("/2015-03-31/functions/[^/]+/invocations")
                && "Event".equals(request.header("X-Amz-Invocation-Type"))
                ? new Answer(202, "application/json", "")
                : new Answer(400, "application/json", "{\"Type\":\"User\",\"message\":\"not an asynchronous Invoke\"}"));
    }

    /** Where to point the SDK client ({@code endpointOverride}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, Function<Request, Answer> answers) throws IOException {
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(headers), body);
            requests.add(request);
            Answer answer = answers.apply(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
