package io.ratelink.recompute.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.rating.Answer;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.score.ScaleScore;
import io.ratelink.score.store.ScoreBoard;
import io.ratelink.score.Dimension;
import io.ratelink.score.Window;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function as EventBridge drives it: scheduled-event JSON posted to the mock Lambda event server, the
 * handler running the recompute against DynamoDB Local, the report as the function's answer.
 */
@QuarkusTest
class RecomputeHandlerTest {

    @Inject
    RatingStore ratings;

    @Inject
    ScoreBoard board;

    @Test
    void aScheduledEventCountsTheClicksSinceTheLastRunAndAChangeOfMindMovesTheCount() {
        String team = "team-" + UUID.randomUUID();
        SurveyClaims first = claims(team, "agent-1", Scale.CSAT_5);
        answer(first, 5);
        answer(claims(team, "agent-2", Scale.CSAT_5), 2);

        JsonPath report = invoke("events/scheduled-event.json");

        assertThat(report.getString("outcome")).isEqualTo("DONE");
        assertThat(report.getString("startedAt")).isNotBlank();
        assertThat(score(team, Scale.CSAT_5).counts()).containsEntry(5, 1L).containsEntry(2, 1L);

        answer(first, 1);
        JsonPath next = invoke("events/scheduled-event.json");

        assertThat(next.getString("mode")).isEqualTo("INCREMENTAL");
        assertThat(next.getInt("ratingsRecounted")).isEqualTo(1);
        ScaleScore moved = score(team, Scale.CSAT_5);
        assertThat(moved.n()).isEqualTo(2);
        assertThat(moved.counts()).containsEntry(1, 1L).containsEntry(2, 1L).containsEntry(5, 0L);
    }

    @Test
    void aFullRebuildEventRecountsEverythingToTheNumbersTheScheduleKept() {
        String team = "team-" + UUID.randomUUID();
        SurveyClaims survey = claims(team, "agent-1", Scale.NPS);
        answer(survey, 3);
        answer(claims(team, "agent-1", Scale.NPS), 10);
        invoke("events/scheduled-event.json");
        answer(survey, 9);
        invoke("events/scheduled-event.json");
        ScaleScore incremental = score(team, Scale.NPS);

        JsonPath full = invoke("events/scheduled-event-full-rebuild.json");

        assertThat(full.getString("mode")).isEqualTo("FULL");
        assertThat(full.getInt("ratingsRecounted")).isZero();
        assertThat(full.getInt("daysWritten")).isZero();
        ScaleScore rebuilt = score(team, Scale.NPS);
        assertThat(rebuilt.counts()).isEqualTo(incremental.counts());
        assertThat(rebuilt.metrics()).isEqualTo(incremental.metrics());
        assertThat(rebuilt.metrics().get("nps").value()).isEqualTo(100.0);
    }

    private static JsonPath invoke(String event) {
        int port = ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
        return given().port(port).contentType(ContentType.JSON).body(resource(event))
                .post("/_lambda_")
                .then().statusCode(200).extract().jsonPath();
    }

    private ScaleScore score(String team, Scale scale) {
        return board.score(Dimension.team(team), scale, Window.LAST_7_DAYS);
    }

    private SurveyClaims claims(String team, String agent, Scale scale) {
        String id = UUID.randomUUID().toString();
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return new SurveyClaims(id, scale.min(), scale, "en", "ticket-" + id, agent, team, "c-" + id, issued,
                issued.plus(Duration.ofDays(30)));
    }

    private void answer(SurveyClaims survey, int score) {
        ratings.record(Answer.click(survey.withScore(score), ClientKind.BROWSER, Instant.now()), RatingStatus.COUNTED);
    }

    private static String resource(String path) {
        try (InputStream in = RecomputeHandlerTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
