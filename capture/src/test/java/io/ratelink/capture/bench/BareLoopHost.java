package io.ratelink.capture.bench;

import io.ratelink.rating.Answer;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bare loop of the click benchmark: the click's {@code UpdateItem} ({@link RatingStore#record}) from one thread,
 * in a JVM started like the function's (same CPU, same collector and heap, same trust store, the packaged function's
 * classpath and HTTP client), so that the two differ only by what the handler adds. Reads {@code round <clicks>}
 * lines on standard input and answers each with {@code rate <writes per second>}.
 */
public final class BareLoopHost {

    public static void main(String[] args) throws Exception {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getenv("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        RatingStore store = new RatingStore(dynamo, System.getenv("RATELINK_TABLES_RATINGS"), Duration.ofDays(30));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            int clicks = Integer.parseInt(command.substring("round ".length()).trim());
            System.out.printf("rate %.1f%n", round(store, clicks));
            System.out.flush();
        }
    }

    private static double round(RatingStore store, int clicks) {
        List<Answer> answers = new ArrayList<>(clicks);
        for (int i = 0; i < clicks; i++) {
            answers.add(Answer.click(claims(), ClientKind.BROWSER, Instant.now()));
        }
        long start = System.nanoTime();
        for (Answer answer : answers) {
            store.record(answer, RatingStatus.COUNTED);
        }
        return clicks / ((System.nanoTime() - start) / 1e9);
    }

    static SurveyClaims claims() {
        Instant now = Instant.now();
        return new SurveyClaims(SurveyIds.next(), 4, Scale.CSAT_5, "en", "T-bench", "agent-bench", "team-bench",
                "cust-bench", now, now.plus(Duration.ofDays(7)));
    }
}
