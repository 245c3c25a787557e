package io.ratelink.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;

/**
 * An in-memory SQS engine (ElasticMQ) on 127.0.0.1, one per JVM, with the escalation queue created: what the settle
 * delays run on in dev mode and tests, as SQS runs them in AWS.
 *
 * <p>Like {@link EmbeddedDynamoDb}, the endpoint is remembered in a system property so that a dev-mode hot reload
 * reuses the running engine and the messages waiting in it.
 */
public final class EmbeddedSqs {

    /** The queue the escalation settle checks wait in. */
    public static final String ESCALATION_QUEUE = "ratelink-escalations";

    static final String ENDPOINT_PROPERTY = "embedded-sqs.endpoint";
    static final String QUEUE_URL_PROPERTY = "embedded-sqs.escalation-queue-url";
    private static SQSRestServer server;

    private EmbeddedSqs() {
    }

    /** Starts the engine if this JVM has none yet and returns its endpoint, e.g. {@code http://127.0.0.1:43122}. */
    public static String endpoint() {
        return LoopbackEngines.once(ENDPOINT_PROPERTY, EmbeddedSqs::start, EmbeddedSqs::stop, "elasticmq-stop");
    }

    private static synchronized void start(int port) {
        try {
            server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
            server.waitUntilStarted();
        } catch (RuntimeException e) {
            throw new IllegalStateException("ElasticMQ did not start on 127.0.0.1:" + port, e);
        }
        try (SqsClient sqs = client("http://127.0.0.1:" + port)) {
            System.setProperty(QUEUE_URL_PROPERTY,
                    sqs.createQueue(request -> request.queueName(ESCALATION_QUEUE)).queueUrl());
        }
    }

    /** The escalation queue's URL on the embedded engine. */
    public static String escalationQueueUrl() {
        endpoint();
        return System.getProperty(QUEUE_URL_PROPERTY);
    }

    /** A client of the embedded engine, for tests that look into the queue. */
    public static SqsClient client() {
        return client(endpoint());
    }

    private static SqsClient client(String endpoint) {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.stopAndWait();
            } catch (RuntimeException ignored) {
                // the JVM is exiting; the in-memory queue goes with it
            }
            server = null;
        }
    }
}
