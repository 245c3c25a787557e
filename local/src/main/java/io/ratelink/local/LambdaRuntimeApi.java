package io.ratelink.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AWS Lambda runtime API on loopback, as the Lambda service offers it to a function: the function polls
 * {@code /invocation/next} for events and posts each answer to {@code /invocation/{id}/response} (or a failure to
 * {@code /error}). A packaged function runs against it exactly as deployed, outside AWS.
 */
public final class LambdaRuntimeApi implements AutoCloseable {

    /** The function's answer to one event, or its failure (an initialization or an invocation error). */
    public record Answer(String body, boolean failed, long receivedNanos) {
    }

    private final HttpServer server;
    private final Duration deadline;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final AtomicLong requestIds = new AtomicLong();

    /** @param deadline how long the function is told each invocation may take */
    public LambdaRuntimeApi(Duration deadline) throws IOException {
        this.deadline = deadline;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/2018-06-01/runtime/", this::serve);
        server.start();
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} is set to for the function. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one event for the function's next poll. */
    public void invoke(String event) {
        events.add(event);
    }

    /** The next answer, in the order they came. */
    public Answer nextAnswer(Duration timeout) throws InterruptedException {
        Answer answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            throw new IllegalStateException("no answer from the function within " + timeout);
        }
        return answer;
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.endsWith("/invocation/next")) {
                String event = events.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", Long.toString(requestIds.incrementAndGet()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + deadline.toMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:123456789012:function:ratelink");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                reply(exchange, 200, event);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answers.add(new Answer(body, !path.endsWith("/response"), System.nanoTime()));
            reply(exchange, 202, "");
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
}
