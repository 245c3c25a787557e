package io.ratelink.http.dev.sample;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.Scale;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * The dev page's sample data, written through the click path into DynamoDB Local and recomputed. The notifier is off
 * here: the sample's low ratings would otherwise send their escalations to the other tests' SMTP server.
 */
@QuarkusTest
@TestProfile(SampleDataTest.WithoutNotifier.class)
class SampleDataTest {

    private static final Logger LOG = Logger.getLogger(SampleDataTest.class);
    private static final String API_KEY = "test-api-key";

    public static class WithoutNotifier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ratelink.dev.stream-poller.enabled", "false");
        }
    }

    @Inject
    RatingStore ratings;

    @Test
    void theDevPageOffersTheFillAsAFormWithOneButton() {
        given().get("/dev/sample-data").then().statusCode(200)
                .body(containsString("<form method=\"post\" action=\"/dev/sample-data\""))
                .body(containsString("lead-emea@example.com"))
                .body(containsString("Fill with sample data"));
    }

    @Test
    void fillingStoresEverySurveyAsItsStoryEndsCountsEveryAgentAndFillingAgainAddsNothingTwice() {
        JsonPath first = fill();
        Instant asOf = Instant.parse(first.getString("asOf"));
        List<SampleSurveys.Survey> planned = SampleSurveys.plan(SampleOrg.standard(), asOf);
        LOG.infof("Sample data: %d surveys, %d requests in %.1f s", first.getInt("surveysWritten"),
                first.getInt("requests"), first.getDouble("seconds"));

        assertThat(first.getInt("agents")).isEqualTo(24);
        assertThat(first.getInt("surveysWritten") + first.getInt("surveysAlreadyThere")).isEqualTo(planned.size());
        assertThat(first.getInt("held")).isPositive();
        assertThat(first.getString("recompute")).isEqualTo("DONE");
        for (SampleSurveys.Survey survey : planned) {
            Rating stored = ratings.find(survey.claims().surveyId()).orElseThrow(
                    () -> new AssertionError("survey " + survey.claims().surveyId() + " was not stored"));
            assertThat(stored.agentId()).isEqualTo(survey.claims().agentId());
            assertThat(stored.status()).as("%s %s", survey.story(), stored.statusReason())
                    .isEqualTo(survey.story().held() ? RatingStatus.SUSPECT : RatingStatus.COUNTED);
            assertThat(stored.score()).as("%s", survey.story()).isEqualTo(survey.finalScore());
            assertThat(stored.clicks()).hasSize(survey.steps().size());
            assertThat(stored.lastClickAt()).isEqualTo(survey.lastRequestAt());
        }

        for (SampleOrg.Team team : SampleOrg.standard().teams()) {
            for (Scale scale : team.scales().keySet()) {
                assertThat(counts("team:" + team.id(), scale)).isEqualTo(plannedCounts(planned, team.id(), null, scale));
                for (SampleOrg.Member member : team.members()) {
                    assertThat(counts("agent:" + member.agentId(), scale)).as(member.agentId())
                            .isEqualTo(plannedCounts(planned, team.id(), member.agentId(), scale));
                }
            }
            given().header("Authorization", "Bearer " + API_KEY).get("/v1/agents/{id}", team.members().get(0).agentId())
                    .then().statusCode(200).body(containsString(team.managerEmail()));
        }

        JsonPath second = fill();
        Instant secondAsOf = Instant.parse(second.getString("asOf"));
        List<SampleSurveys.Survey> plannedAgain = SampleSurveys.plan(SampleOrg.standard(), secondAsOf);
        assertThat(second.getInt("surveysAlreadyThere")).isEqualTo(planned.size());
        assertThat(second.getInt("surveysWritten")).isEqualTo(plannedAgain.size() - planned.size());
        SampleSurveys.Survey swept = planned.stream().filter(survey -> survey.story().held()).findFirst().orElseThrow();
        assertThat(ratings.find(swept.claims().surveyId()).orElseThrow().clicks()).hasSize(swept.steps().size());
    }

    /**
     * One fill writes some 2,500 surveys through the click path and recomputes: about 20 s alone, and past the test
     * client's usual 30 s when other modules' tests share the machine, so this request waits longer.
     */
    private static JsonPath fill() {
        int twoMinutes = (int) Duration.ofMinutes(2).toMillis();
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", twoMinutes).setParam("http.connection.timeout", twoMinutes)))
                .accept("application/json").post("/dev/sample-data").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Integer> counts(String dimension, Scale scale) {
        Map<String, Integer> counts = given().header("Authorization", "Bearer " + API_KEY)
                .queryParam("dimension", dimension).queryParam("scale", scale.name()).queryParam("window", "90d")
                .get("/v1/scores").then().statusCode(200).extract().jsonPath().getMap("counts", String.class, Integer.class);
        Map<String, Integer> nonZero = new TreeMap<>();
        counts.forEach((point, count) -> {
            if (count > 0) {
                nonZero.put(point, count);
            }
        });
        return nonZero;
    }

    private static Map<String, Integer> plannedCounts(List<SampleSurveys.Survey> planned, String teamId, String agentId,
            Scale scale) {
        return planned.stream()
                .filter(survey -> survey.claims().teamId().equals(teamId) && survey.claims().scale() == scale
                        && (agentId == null || survey.claims().agentId().equals(agentId)) && !survey.story().held())
                .collect(Collectors.groupingBy(survey -> String.valueOf(survey.finalScore()), TreeMap::new,
                        Collectors.summingInt(survey -> 1)));
    }
}
