package io.ratelink.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS API call made as a SigV4-signed HTTPS request, for the calls the functions make besides DynamoDB (Secrets
 * Manager's {@code GetSecretValue} at startup, Lambda's asynchronous {@code Invoke}, SQS's {@code SendMessage}): a full
 * SDK client for one call a cold start costs megabytes of function.zip and class loading.
 *
 * <p>Region, credentials and endpoint come from where the SDK's clients take them: {@code AWS_REGION} /
 * {@code aws.region}, the function's role (or {@code aws.accessKeyId}…), and {@code AWS_ENDPOINT_URL_<SERVICE>} /
 * {@code aws.endpointUrl<Service>} before {@code https://<prefix>.<region>.amazonaws.com}. A try that times out, or
 * that AWS answers 429 or 5xx, is tried again, up to {@link #ATTEMPTS} tries, each started only while a whole try still
 * fits in the call's total time.
 */
public final class AwsCall implements AutoCloseable {

    public static final int ATTEMPTS = 3;

    /** Which AWS service, as the signature and the endpoint settings name it. */
    public record Service(String signingName, String endpointPrefix, String endpointEnvironmentSuffix,
                          String endpointPropertySuffix) {
        public static final Service LAMBDA = new Service("lambda", "lambda", "LAMBDA", "Lambda");
        public static final Service SECRETS_MANAGER = new Service("secretsmanager", "secretsmanager", "SECRETS_MANAGER",
                "SecretsManager");
        public static final Service SQS = new Service("sqs", "sqs", "SQS", "Sqs");
    }

    /** What AWS answered. */
    public record Answer(int status, String body) {
        public boolean isSuccess() {
            return status / 100 == 2;
        }
    }

    /** Where the calls go and as whom; {@link #fromEnvironment} reads it as the SDK's clients would. */
    public record Target(String region, URI endpoint, AwsCredentialsProvider credentials) {

        public static Target fromEnvironment(Service service) {
            return fromEnvironment(service, new DefaultAwsRegionProviderChain().getRegion().id());
        }

        /** As {@link #fromEnvironment(Service)}, in {@code region} rather than the region the environment names. */
        public static Target fromEnvironment(Service service, String region) {
            URI endpoint = firstSet(System.getProperty("aws.endpointUrl" + service.endpointPropertySuffix()),
                    System.getenv("AWS_ENDPOINT_URL_" + service.endpointEnvironmentSuffix()),
                    System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL"))
                    .map(URI::create)
                    .orElseGet(() -> URI.create("https://" + service.endpointPrefix() + "." + region + ".amazonaws.com"));
            return new Target(region, endpoint, DefaultCredentialsProvider.builder().build());
        }

        private static Optional<String> firstSet(String... values) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    return Optional.of(value.strip());
                }
            }
            return Optional.empty();
        }
    }

    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final Service service;
    private final Target target;
    private final Duration attemptTimeout;
    private final Duration totalTimeout;
    private final SdkHttpClient http;

    public AwsCall(Service service, Target target, Duration attemptTimeout, Duration totalTimeout) {
        this.service = service;
        this.target = target;
        this.attemptTimeout = attemptTimeout;
        this.totalTimeout = totalTimeout;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(attemptTimeout)
                .socketTimeout(attemptTimeout)
                .build();
    }

    /**
     * A {@code POST} of {@code body} to {@code encodedPath} (already percent-encoded) with the given headers.
     *
     * @throws AwsCallFailed when no try got an answer within the call's time, or every try was answered 429 or 5xx
     */
    public Answer post(String encodedPath, Map<String, String> headers, String body) {
        Instant giveUpAt = Instant.now().plus(totalTimeout);
        AwsCallFailed last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause(Duration.ofMillis(100L << (attempt - 2)));
            }
            if (Instant.now().plus(attemptTimeout).isAfter(giveUpAt)) {
                break;
            }
            try {
                Answer answer = once(encodedPath, headers, body);
                if (answer.status() != 429 && answer.status() < 500) {
                    return answer;
                }
                last = new AwsCallFailed(service.signingName() + " answered " + answer.status() + ": " + answer.body(),
                        null);
            } catch (IOException | UncheckedIOException e) {
                last = new AwsCallFailed(service.signingName() + " did not answer within " + attemptTimeout.toMillis()
                        + " ms: " + e.getMessage(), e);
            }
        }
        throw last != null ? last : new AwsCallFailed(service.signingName() + " was not called: no time left", null);
    }

    private Answer once(String encodedPath, Map<String, String> headers, String body) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(target.endpoint())
                .encodedPath(encodedPath);
        headers.forEach(request::putHeader);
        request.putHeader("Content-Length", Integer.toString(payload.length));
        SdkHttpRequest signed = SIGNER.sign(sign -> sign
                .identity(target.credentials().resolveCredentials())
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service.signingName())
                .putProperty(AwsV4HttpSigner.REGION_NAME, target.region()))
                .request();
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed)
                .contentStreamProvider(ContentStreamProvider.fromByteArray(payload))
                .build()).call();
        String answer = "";
        if (response.responseBody().isPresent()) {
            try (InputStream in = response.responseBody().get()) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(response.httpResponse().statusCode(), answer);
    }

    @Override
    public void close() {
        http.close();
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallFailed("interrupted between tries", e);
        }
    }

    /** No answer, or only 429s and 5xx. */
    public static final class AwsCallFailed extends RuntimeException {
        public AwsCallFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
