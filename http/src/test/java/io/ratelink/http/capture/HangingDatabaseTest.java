package io.ratelink.http.capture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.http.support.SilentDatabase;
import io.ratelink.http.support.Surveys;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DynamoDB accepts the connection and never answers: the person who clicked still gets the "not recorded, try
 * again" page within 5 s, with the timeouts the function ships with (none are changed for this test).
 */
@QuarkusTest
@TestProfile(HangingDatabaseTest.Hanging.class)
class HangingDatabaseTest {

    private static final Logger LOG = Logger.getLogger(HangingDatabaseTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    public static class Hanging implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SilentDatabase.class));
        }
    }

    @Test
    void aClickWhileTheDatabaseHangsIsAnsweredWithTheNotRecordedPageWithinFiveSeconds() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-h", "team-h");
        int acceptedBefore = SilentDatabase.accepted();

        long started = System.nanoTime();
        Response answer = given().header("User-Agent", Surveys.BROWSER).get(Surveys.linkPath(survey, 2));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        LOG.infof("A click on a hanging database was answered %d in %d ms", answer.statusCode(), waited.toMillis());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.contentType()).contains("text/html");
        assertThat(answer.body().asString()).contains("Your answer was not saved");
        assertThat(waited).as("time to the answer").isLessThan(PATIENCE);
        assertThat(SilentDatabase.accepted()).as("connections the silent database accepted").isGreaterThan(acceptedBefore);
    }

    @Test
    void aCommentWhileTheDatabaseHangsIsAnsweredWithinFiveSecondsToo() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-h", "team-h");

        long started = System.nanoTime();
        Response answer = given().header("User-Agent", Surveys.BROWSER).formParam("score", "2")
                .formParam("comment", "still waiting").post(Surveys.linkPath(survey, 2));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body().asString()).contains("Your answer was not saved");
        assertThat(waited).as("time to the answer").isLessThan(PATIENCE);
    }
}
