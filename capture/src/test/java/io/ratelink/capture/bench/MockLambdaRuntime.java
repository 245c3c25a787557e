package io.ratelink.capture.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AWS Lambda runtime API on loopback, as the Lambda service offers it to a function: the function polls
 * {@code /invocation/next} for events and posts each answer to {@code /invocation/{id}/response}. Lets the
 * packaged function run exactly as deployed, outside AWS.
 */
final class MockLambdaRuntime implements AutoCloseable {

    record Answer(String requestId, String body, long receivedNanos) {
    }

    private final HttpServer server;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();

    MockLambdaRuntime() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void invoke(String event) {
        events.add(event);
    }

    Answer nextAnswer(long timeout, TimeUnit unit) throws InterruptedException {
        Answer answer = answers.poll(timeout, unit);
        if (answer == null) {
            throw new IllegalStateException("no answer from the function within " + timeout + " " + unit);
        }
        return answer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.endsWith("/invocation/next")) {
                String event = events.take();
                String id = Long.toString(ids.incrementAndGet());
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", id);
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:ratelink-http");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                reply(exchange, 200, event);
            } else if (path.endsWith("/response") || path.endsWith("/error")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String[] segments = path.split("/");
                answers.add(new Answer(segments[segments.length - 2], path.endsWith("/error") ? "ERROR " + body : body,
                        System.nanoTime()));
                reply(exchange, 202, "");
            } else {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                answers.add(new Answer("init", "ERROR " + body, System.nanoTime()));
                reply(exchange, 202, "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
