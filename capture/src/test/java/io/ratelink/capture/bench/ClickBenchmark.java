package io.ratelink.capture.bench;

import io.ratelink.local.EmbeddedDynamoDb;
import io.ratelink.local.LambdaRuntimeApi;
import io.ratelink.storage.TableCreator;
import io.ratelink.storage.Tables;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.SigningKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Clicks per second through the packaged capture function, beside a bare loop of the same {@code UpdateItem},
 * against the same DynamoDB Local in the same run; and the time from {@code java -jar} to the first click served.
 *
 * <p>The function runs as deployed: the runner jar of {@code function.zip}, production profile, its handler
 * ({@code QuarkusStreamHandler}) called by {@link FunctionHost} as the managed Java runtime calls it, fed API Gateway HTTP API events through
 * a loopback Lambda runtime API, one event at a time as one Lambda instance is. The bare
 * loop sends the same {@code UpdateItem} ({@link io.ratelink.rating.store.RatingStore#record}) from one thread, in
 * its own JVM started as the function's is ({@link BareLoopHost}). Rounds alternate between the two so that drift in
 * the machine touches both.
 *
 * <p>{@code ./mvnw -B -pl capture -am -Pclick-bench -DskipTests verify} (options: {@code -Dbench.clicks=5000 -Dbench.rounds=5})
 */
public final class ClickBenchmark {

    static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String KID = "bench";
    static final String SECRET = "ratelink-benchmark-signing-key-000000000";

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            run(Path.of(args[0]));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(Path runner) throws Exception {
        // the loopback runtime API answers each poll at once instead of waiting out delayed ACKs
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int clicks = Integer.getInteger("bench.clicks", 5000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        String localEndpoint = EmbeddedDynamoDb.endpoint();
        try (TlsFront tls = Boolean.parseBoolean(System.getProperty("bench.tls", "true"))
                ? TlsFront.start(runner.resolveSibling("bench-tls"), URI.create(localEndpoint).getPort()) : null) {
            String endpoint = tls == null ? localEndpoint : tls.endpoint();
            List<String> jvmOptions = tls == null ? List.of() : tls.trustStoreOptions();
            if (tls != null) {
                tls.trustInThisJvm();
            }
            DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            new TableCreator(dynamo).createIfMissing(Tables.RATINGS, "bench-ratings");
            LinkSigner signer = new LinkSigner(SigningKeys.of(KID, Map.of(KID, SECRET)), Clock.systemUTC());
            String eventTemplate = resource("/events/apigw-v2-get-rating-link.json");
            System.out.printf("DynamoDB Local at %s%s; function pinned to CPU %s%n", endpoint,
                    tls == null ? "" : " (TLS by stunnel, self-signed certificate in a trust store)",
                    cpu().orElse("(none)"));

            Map<String, String> unprimed;
            try (LambdaRuntimeApi runtime = new LambdaRuntimeApi(Duration.ofSeconds(30))) {
                Started function = start(runner, runtime, endpoint, jvmOptions, false, "bench-function-unprimed.log");
                try {
                    runtime.invoke(clickEvent(eventTemplate, signer));
                    requireOk(runtime.nextAnswer(Duration.ofSeconds(120)));
                    unprimed = function.timings();
                    unprimed.put("process-to-first-click-ms",
                            Long.toString(Math.round((System.nanoTime() - function.startedNanos()) / 1e6)));
                } finally {
                    function.stop();
                }
            }

            try (LambdaRuntimeApi runtime = new LambdaRuntimeApi(Duration.ofSeconds(30));
                    BareLoop bare = BareLoop.start(jvm(runner, BareLoopHost.class, jvmOptions), endpoint)) {
                Started function = start(runner, runtime, endpoint, jvmOptions, true, "bench-function.log");
                try {
                    runtime.invoke(clickEvent(eventTemplate, signer));
                    requireOk(runtime.nextAnswer(Duration.ofSeconds(180)));
                    Map<String, String> primed = function.timings();

                    runFunction(runtime, signer, eventTemplate, clicks);
                    bare.round(clicks);
                    List<Double> functionRates = new ArrayList<>();
                    List<Double> bareRates = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        functionRates.add(runFunction(runtime, signer, eventTemplate, clicks));
                        bareRates.add(bare.round(clicks));
                    }
                    List<Double> handlerMeans = function.handlerMeans();
                    List<Double> measured = handlerMeans.subList(Math.max(0, handlerMeans.size() - rounds * clicks / 1000),
                            handlerMeans.size());
                    double functionMedian = median(functionRates);
                    double bareMedian = median(bareRates);
                    double handlerMs = median(measured);
                    double bareMs = 1000 / bareMedian;
                    System.out.printf("(a) new QuarkusStreamHandler(): %s ms (JVM start to constructed: %s ms)%n",
                            unprimed.get("construct-ms"), unprimed.get("jvm-to-constructed-ms"));
                    System.out.printf("(b) first request, unprimed: %s ms in the handler (process start to first click answered: %s ms)%n",
                            unprimed.get("first-request-ms"), unprimed.get("process-to-first-click-ms"));
                    System.out.printf("(c) first real click after priming: %s ms in the handler (priming took %s ms; constructed in %s ms)%n",
                            primed.get("first-request-ms"), primed.get("prime-ms"), primed.get("construct-ms"));
                    System.out.printf("function (one instance, %d clicks x %d rounds): %s clicks/s, median %.0f%n",
                            clicks, rounds, rates(functionRates), functionMedian);
                    System.out.printf("bare UpdateItem loop (one thread, own JVM, same CPU and flags): %s writes/s, median %.0f%n",
                            rates(bareRates), bareMedian);
                    System.out.printf("ratio function / bare loop: %.2f%n", functionMedian / bareMedian);
                    System.out.printf("handler time per click %.3f ms, bare UpdateItem %.3f ms: %.2fx%n", handlerMs,
                            bareMs, handlerMs / bareMs);
                } finally {
                    function.stop();
                }
            }
            for (String module : List.of("capture", "http", "notify", "recompute")) {
                Path zip = runner.getParent().getParent().resolveSibling(module).resolve("target/function.zip");
                if (java.nio.file.Files.exists(zip)) {
                    System.out.printf("function.zip %-9s %,d bytes (%.1f MB)%n", module, java.nio.file.Files.size(zip),
                            java.nio.file.Files.size(zip) / 1e6);
                }
            }
        }
    }

    /** The function's JVM and its log, with the {@code timing} lines {@link FunctionHost} writes there. */
    private record Started(Process process, Path log, long startedNanos) {

        Map<String, String> timings() throws IOException {
            Map<String, String> timings = new java.util.LinkedHashMap<>();
            for (String line : java.nio.file.Files.readAllLines(log)) {
                if (line.startsWith("timing ")) {
                    for (String pair : line.substring("timing ".length()).split(" ")) {
                        int equals = pair.indexOf('=');
                        if (equals > 0) {
                            timings.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
                        }
                    }
                }
            }
            return timings;
        }

        List<Double> handlerMeans() throws IOException {
            return java.nio.file.Files.readAllLines(log).stream()
                    .filter(line -> line.startsWith("timing handler-mean-ms="))
                    .map(line -> Double.parseDouble(line.substring("timing handler-mean-ms=".length()).split(" ")[0]))
                    .toList();
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Started start(Path runner, LambdaRuntimeApi runtime, String endpoint, List<String> jvmOptions,
            boolean prime, String logName) throws Exception {
        List<String> options = new ArrayList<>(jvmOptions);
        String recording = System.getProperty("bench.jfr", "");
        if (prime && !recording.isBlank()) {
            options.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        }
        List<String> command = jvm(runner, FunctionHost.class, options);
        Path log = runner.resolveSibling(logName);
        java.nio.file.Files.deleteIfExists(log);
        ProcessBuilder function = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = function.environment();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("_HANDLER", HANDLER);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "ratelink-capture");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/ratelink-capture");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
        env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", endpoint);
        env.put("RATELINK_SIGNING_ACTIVE_KID", KID);
        env.put("RATELINK_SIGNING_KEYS_BENCH", SECRET);
        env.put("RATELINK_TABLES_RATINGS", "bench-ratings");
        env.put(FunctionHost.PRIME, Boolean.toString(prime));
        env.put(FunctionHost.QUIET_MS, System.getProperty("bench.quiet-ms", "6000"));
        long started = System.nanoTime();
        return new Started(function.start(), log, started);
    }

    /**
     * The command that starts {@code main} of {@code host} as the function runs: pinned to the benchmark's CPU, serial
     * collector, 512 MB heap, on the packaged function's classpath.
     */
    private static List<String> jvm(Path runner, Class<?> host, List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        cpu().ifPresent(cpu -> command.addAll(List.of("taskset", "-c", cpu)));
        command.addAll(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx512m"));
        command.addAll(options);
        command.addAll(List.of("-cp", runner + java.io.File.pathSeparator + jarOf(host), host.getName()));
        return command;
    }

    /** {@link BareLoopHost} in its own JVM, one round per call. */
    private record BareLoop(Process process, java.io.BufferedWriter commands, java.io.BufferedReader rates)
            implements AutoCloseable {

        static BareLoop start(List<String> command, String endpoint) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", endpoint);
            builder.environment().put("RATELINK_TABLES_RATINGS", "bench-ratings");
            Process process = builder.start();
            return new BareLoop(process,
                    new java.io.BufferedWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)),
                    new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }

        double round(int clicks) throws IOException {
            commands.write("round " + clicks + "\n");
            commands.flush();
            String answer = rates.readLine();
            if (answer == null || !answer.startsWith("rate ")) {
                throw new IllegalStateException("the bare loop stopped: " + answer);
            }
            return Double.parseDouble(answer.substring("rate ".length()));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The CPU the function is pinned to ({@code -Dbench.cpu}, 0 by default; empty for none), where taskset exists. */
    private static java.util.Optional<String> cpu() {
        String cpu = System.getProperty("bench.cpu", "0");
        return cpu.isBlank() || !java.nio.file.Files.isExecutable(Path.of("/usr/bin/taskset"))
                ? java.util.Optional.empty() : java.util.Optional.of(cpu);
    }

    private static double runFunction(LambdaRuntimeApi runtime, LinkSigner signer, String template, int clicks)
            throws InterruptedException {
        List<String> events = new ArrayList<>(clicks);
        for (int i = 0; i < clicks; i++) {
            events.add(clickEvent(template, signer));
        }
        long start = System.nanoTime();
        events.forEach(runtime::invoke);
        for (int i = 0; i < clicks; i++) {
            requireOk(runtime.nextAnswer(Duration.ofSeconds(30)));
        }
        return clicks / ((System.nanoTime() - start) / 1e9);
    }

    private static String clickEvent(String template, LinkSigner signer) {
        return template.replace("TOKEN", signer.mint(BareLoopHost.claims()));
    }

    private static void requireOk(LambdaRuntimeApi.Answer answer) {
        if (!answer.body().contains("\"statusCode\":200")) {
            throw new IllegalStateException("the function did not record the click: "
                    + answer.body().substring(0, Math.min(400, answer.body().length())));
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String rates(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    private static String jarOf(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClickBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
