package io.ratelink.http.capture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.http.support.ApplicationTraffic;
import io.ratelink.http.support.FixtureClock;
import io.ratelink.http.support.Surveys;
import io.ratelink.rating.Rating;
import io.ratelink.rating.store.RatingStore;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded click patterns (JSON under {@code src/test/resources/clicks/}) replayed through the HTTP function against
 * DynamoDB Local, the application's clock pinned to each request's time after sending and its address given as
 * X-Forwarded-For. Each request states the page it gets, the writes it costs on the ratings table and the status it
 * leaves; each pattern states how the rating ends, why, and whether the notify path escalates it.
 */
@QuarkusTest
class ScannerFixturesTest {

    static final String RATINGS = "ratelink-ratings";
    static final Duration ESCALATION_WAIT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One recorded pattern: a survey, the requests on its links, and how it ends. */
    record Fixture(String name, String source, String scale, String locale, List<Step> requests, Outcome outcome) {
    }

    /**
     * @param at      seconds after the links were minted
     * @param option  the link's option (for a {@code POST}, the page it was sent from)
     * @param headers further request headers
     * @param form    a {@code POST}'s form
     */
    record Step(double at, String method, int option, String userAgent, String ip, Map<String, String> headers,
            Map<String, String> form, Expect expect) {
    }

    /**
     * @param page    {@code confirm}, {@code thanks}, {@code none} (a HEAD) or {@code refused} (a prefetch)
     * @param writes  requests to the ratings table, every one an UpdateItem
     * @param stored  the rating's status afterwards, or {@code none}
     */
    record Expect(String page, int writes, String stored) {
    }

    /**
     * @param reason    the rule codes of the status reason, empty for a counted rating
     * @param escalated whether the notify path escalates the rating
     */
    record Outcome(String status, int score, List<String> reason, boolean escalated) {
    }

    @Inject
    FixtureClock clock;

    @Inject
    RatingStore store;

    @Inject
    EscalationStore escalations;

    static Stream<Arguments> fixtures() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(ScannerFixturesTest.class.getResource("/clicks")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted()
                    .map(file -> Arguments.of(file.getFileName().toString(), read(file)))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aRecordedClickPatternEndsAsItsFixtureSays(String file, Fixture fixture) throws InterruptedException {
        String agent = "agent-fx-" + System.nanoTime();
        Instant sent = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String surveyId;
        try {
            clock.pin(sent);
            JsonPath survey = Surveys.mint(fixture.scale(), fixture.locale(), agent, "team-fx");
            surveyId = survey.getString("surveyId");
            for (Step step : fixture.requests()) {
                clock.pin(sent.plusMillis(Math.round(step.at() * 1000)));
                String where = file + ": " + step.method() + " option " + step.option() + " at " + step.at() + " s";
                ApplicationTraffic.clear();

                Response response = send(step, Surveys.linkPath(survey, step.option()));

                assertThat(ApplicationTraffic.operationsOn(RATINGS)).as(where + ": requests to the ratings table")
                        .isEqualTo(Collections.nCopies(step.expect().writes(), "UpdateItem"));
                assertPage(where, step.expect().page(), response);
                assertThat(store.find(surveyId).map(r -> r.status().attributeValue()).orElse("none"))
                        .as(where + ": stored status").isEqualTo(step.expect().stored());
            }
        } finally {
            clock.release();
        }

        Rating rating = store.find(surveyId).orElseThrow();
        assertThat(rating.status().attributeValue()).as(file + ": status").isEqualTo(fixture.outcome().status());
        assertThat(rating.score()).as(file + ": score").isEqualTo(fixture.outcome().score());
        assertThat(ruleCodes(rating.statusReason())).as(file + ": reason " + rating.statusReason())
                .containsExactlyInAnyOrderElementsOf(fixture.outcome().reason());
        assertListing(file, agent, rating);
        assertEscalation(file, surveyId, fixture.outcome().escalated());
    }

    private static Response send(Step step, String link) {
        RequestSpecification request = given().header("User-Agent", step.userAgent()).header("X-Forwarded-For", step.ip());
        Optional.ofNullable(step.headers()).orElse(Map.of()).forEach(request::header);
        return switch (step.method()) {
            case "GET" -> request.get(link);
            case "HEAD" -> request.head(link);
            case "POST" -> request.formParams(step.form()).post(link);
            default -> throw new IllegalArgumentException("no such method in a fixture: " + step.method());
        };
    }

    private static void assertPage(String where, String page, Response response) {
        String body = response.asString();
        switch (page) {
            case "confirm" -> {
                assertThat(response.statusCode()).as(where).isEqualTo(200);
                assertThat(body).as(where + ": asks to confirm with one button and no script")
                        .contains("<form method=\"post\" class=\"confirm\">").doesNotContain("<script")
                        .doesNotContain("name=\"comment\"");
                assertThat(body.split("<button", -1)).as(where + ": buttons").hasSize(2);
            }
            case "thanks" -> {
                assertThat(response.statusCode()).as(where).isEqualTo(200);
                assertThat(body).as(where + ": the thank-you page").contains("name=\"comment\"").doesNotContain("class=\"confirm\"");
            }
            case "none" -> {
                assertThat(response.statusCode()).as(where).isEqualTo(200);
                assertThat(body).as(where + ": a HEAD has no body").isEmpty();
            }
            case "refused" -> assertThat(response.statusCode()).as(where + ": a prefetch is refused").isEqualTo(503);
            default -> throw new IllegalArgumentException("no such page in a fixture: " + page);
        }
    }

    /** Counted ratings are listed by default; held ones only when asked, with their reason. */
    private static void assertListing(String file, String agent, Rating rating) {
        JsonPath byDefault = list(Map.of("agentId", agent));
        JsonPath held = list(Map.of("agentId", agent, "status", "suspect"));
        JsonPath everything = list(Map.of("agentId", agent, "includeSuspect", "true"));
        boolean counted = rating.status().attributeValue().equals("counted");

        assertThat(byDefault.getList("ratings.surveyId")).as(file + ": listed by default")
                .isEqualTo(counted ? List.of(rating.surveyId()) : List.of());
        assertThat(held.getList("ratings.surveyId")).as(file + ": listed as suspect")
                .isEqualTo(counted ? List.of() : List.of(rating.surveyId()));
        assertThat(everything.getList("ratings.surveyId")).as(file + ": listed with includeSuspect").containsExactly(rating.surveyId());
        assertThat(everything.getString("ratings[0].statusReason")).isEqualTo(rating.statusReason().orElse(null));
    }

    private void assertEscalation(String file, String surveyId, boolean expected) throws InterruptedException {
        if (expected) {
            assertThat(awaitEscalation(surveyId)).as(file + ": escalated").isTrue();
            return;
        }
        String sentinel = escalatedSentinel();
        assertThat(awaitEscalation(sentinel)).as("the notify path runs: a person's low click escalates").isTrue();
        assertThat(escalations.thread(surveyId)).as(file + ": escalated").isEmpty();
    }

    /** A person's low rating on another survey, clicked now: once it has escalated, the stream has been read past the fixture's records. */
    private static String escalatedSentinel() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-sentinel-" + System.nanoTime(), "team-fx");
        given().header("User-Agent", Surveys.BROWSER).get(Surveys.linkPath(survey, 1)).then().statusCode(200);
        return survey.getString("surveyId");
    }

    private boolean awaitEscalation(String surveyId) throws InterruptedException {
        long deadline = System.nanoTime() + ESCALATION_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!escalations.thread(surveyId).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static JsonPath list(Map<String, String> query) {
        return given().auth().oauth2(Surveys.API_KEY).accept("application/json").queryParams(query)
                .get("/v1/ratings").then().statusCode(200).extract().jsonPath();
    }

    /** The rule codes of a status reason: {@code old-browser (Chrome/ <100); soon-after-sending (43 s)}. */
    private static List<String> ruleCodes(Optional<String> reason) {
        return reason.map(text -> Arrays.stream(text.split("; ")).map(part -> part.split(" \\(", 2)[0]).toList())
                .orElse(List.of());
    }

    private static Fixture read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Fixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
