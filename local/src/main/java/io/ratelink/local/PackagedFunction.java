package io.ratelink.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A packaged {@code function.zip} run as Lambda runs it: unpacked, its root and {@code lib/*.jar} the whole class path
 * of a JVM of its own, in the production profile, its handler fed events through the Lambda runtime API on loopback
 * (see {@link PackagedFunctionHost}). A module's tests run with their whole test class path, where the development
 * engines bring back many a library the zip leaves out; this checks that the zip itself carries what its handlers use.
 */
public final class PackagedFunction implements AutoCloseable {

    /** Extra options for the function's JVM, e.g. {@code -verbose:class} to see which classes a flow loads. */
    public static final String JVM_OPTIONS_PROPERTY = "ratelink.packaged-function.jvm-options";
    /** A folder to keep each function's output in once it is closed, e.g. {@code target/packaged-function}. */
    public static final String KEEP_OUTPUT_PROPERTY = "ratelink.packaged-function.keep-output";

    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Path log;
    private final Process process;
    private final HttpServer runtimeApi;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Result> answers = new LinkedBlockingQueue<>();
    private final AtomicLong requestIds = new AtomicLong();

    /** The function's answer to one event, or its failure (an initialization error or an invocation error). */
    public record Result(String body, boolean failed) {
    }

    private PackagedFunction(Path zip, Map<String, String> environment) throws IOException {
        directory = Files.createTempDirectory("packaged-function");
        unzip(zip, directory);
        Path host = directory.resolve("host");
        String hostClass = PackagedFunctionHost.class.getName().replace('.', '/') + ".class";
        try (InputStream bytes = PackagedFunctionHost.class.getClassLoader().getResourceAsStream(hostClass)) {
            Files.createDirectories(host.resolve(hostClass).getParent());
            Files.copy(bytes, host.resolve(hostClass));
        }
        runtimeApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        runtimeApi.setExecutor(Executors.newFixedThreadPool(2));
        runtimeApi.createContext("/2018-06-01/runtime/", this::serve);
        runtimeApi.start();
        log = directory.resolve("function.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-cp", directory + ":" + directory.resolve("lib") + "/*:" + host,
                PackagedFunctionHost.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RATELINK_") || name.startsWith("QUARKUS_")
                || name.startsWith("AWS_"));
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApi.getAddress().getPort());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /**
     * Starts the function in {@code zip} with this environment (beside a region and static credentials).
     *
     * @param environment what the deployment would set, e.g. {@code QUARKUS_LAMBDA_HANDLER} or an endpoint
     */
    public static PackagedFunction start(Path zip, Map<String, String> environment) throws IOException {
        return new PackagedFunction(zip, environment);
    }

    /** Hands the function one event and waits for its answer. */
    public Result invoke(String event) throws InterruptedException {
        events.add(event);
        Result answer = answers.poll(INVOCATION_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer == null) {
            throw new IllegalStateException("no answer from the function within " + INVOCATION_TIMEOUT + "; its log:\n"
                    + output());
        }
        return answer;
    }

    /** What the function printed so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtimeApi.stop(0);
        ((ExecutorService) runtimeApi.getExecutor()).shutdownNow();
        String keep = System.getProperty(KEEP_OUTPUT_PROPERTY, "").strip();
        if (!keep.isEmpty()) {
            Path kept = Files.createDirectories(Path.of(keep)).resolve(directory.getFileName() + ".log");
            Files.copy(log, kept);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.endsWith("/invocation/next")) {
                String event = events.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", Long.toString(requestIds.incrementAndGet()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + INVOCATION_TIMEOUT.toMillis()));
                reply(exchange, 200, event);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            answers.add(new Result(body, !path.endsWith("/response")));
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

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
