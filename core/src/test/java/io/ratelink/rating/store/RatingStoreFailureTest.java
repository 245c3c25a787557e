package io.ratelink.rating.store;

import com.sun.net.httpserver.HttpServer;
import io.ratelink.rating.Answer;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.RatingStatus;
import io.ratelink.storage.StoreUnavailable;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import io.ratelink.testing.LocalDynamo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store does when DynamoDB throttles or cannot be reached: retries, then says nothing was recorded. */
class RatingStoreFailureTest {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    static Answer anAnswer() {
        SurveyClaims claims = new SurveyClaims(SurveyIds.next(), 1, Scale.CSAT_5, "en", "T-1", "a-1", "t-1", "c-1",
                NOW, NOW.plus(Duration.ofDays(30)));
        return Answer.click(claims, ClientKind.BROWSER, NOW);
    }

    @Test
    void aThrottlingDatabaseIsRetriedAndThenReportedAsUnavailable() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        HttpServer throttling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        throttling.createContext("/", exchange -> {
            attempts.incrementAndGet();
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        throttling.start();
        try {
            DynamoDbClient dynamo = LocalDynamo.withQuickRetries("http://127.0.0.1:" + throttling.getAddress().getPort());
            RatingStore store = new RatingStore(dynamo, "ratings", Duration.ofDays(1));

            assertThatThrownBy(() -> store.record(anAnswer(), RatingStatus.COUNTED)).isInstanceOf(StoreUnavailable.class);
            assertThat(attempts.get()).as("the SDK retried the throttled write").isGreaterThan(1);
        } finally {
            throttling.stop(0);
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedAsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DynamoDbClient dynamo = LocalDynamo.withQuickRetries("http://127.0.0.1:" + closedPort);
        RatingStore store = new RatingStore(dynamo, "ratings", Duration.ofDays(1));

        assertThatThrownBy(() -> store.record(anAnswer(), RatingStatus.COUNTED)).isInstanceOf(StoreUnavailable.class);
    }
}
