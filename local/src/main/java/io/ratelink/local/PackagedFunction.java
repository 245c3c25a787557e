package io.ratelink.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private final LambdaRuntimeApi runtimeApi;

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
        runtimeApi = new LambdaRuntimeApi(INVOCATION_TIMEOUT);
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
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
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
        runtimeApi.invoke(event);
        try {
            LambdaRuntimeApi.Answer answer = runtimeApi.nextAnswer(INVOCATION_TIMEOUT);
            return new Result(answer.body(), answer.failed());
        } catch (IllegalStateException noAnswer) {
            throw new IllegalStateException(noAnswer.getMessage() + "; its log:\n" + output(), noAnswer);
        }
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
        runtimeApi.close();
        String keep = System.getProperty(KEEP_OUTPUT_PROPERTY, "").strip();
        if (!keep.isEmpty()) {
            Path kept = Files.createDirectories(Path.of(keep)).resolve(directory.getFileName() + ".log");
            Files.copy(log, kept);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
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
