package io.ratelink.http.web;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.click.RatingLink;
import io.ratelink.failure.ErrorIds;
import io.ratelink.http.support.Surveys;
import io.restassured.path.json.JsonPath;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A bug is a 500 with an error id that its log line carries; an outage stays a 503 "try again". */
@QuarkusTest
class UnexpectedErrorsTest {

    /** The API's failures are logged by the mapper, a rating link's by the link itself. */
    private final List<Logger> logs = List.of(Logger.getLogger(UnexpectedErrors.class.getName()),
            Logger.getLogger(RatingLink.class.getName()));
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logs.forEach(log -> log.addHandler(capture));
    }

    @AfterEach
    void releaseLog() {
        logs.forEach(log -> log.removeHandler(capture));
    }

    private List<String> errorLines() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> ((ExtLogRecord) r).getFormattedMessage()).toList();
    }

    @Test
    void aBugInTheApiIsA500WithAnErrorIdThatTheLogLineCarries() {
        String errorId = given().auth().oauth2(Surveys.API_KEY).get("/v1/test-failures/bug")
                .then().statusCode(500).contentType(containsString("application/json"))
                .body("errorId", matchesPattern("[0-9a-f]{12}"))
                .body("error", containsString("errorId"))
                .body(not(containsString("IllegalStateException")))
                .extract().path("errorId");

        assertThat(errorLines()).singleElement().asString().contains(errorId);
        assertThat(records).singleElement().extracting(LogRecord::getThrown).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOutageIsA503ToTryAgainWithoutAnErrorId() {
        given().auth().oauth2(Surveys.API_KEY).get("/v1/test-failures/outage")
                .then().statusCode(503).body("error", containsString("try again")).body("errorId", nullValue());

        assertThat(errorLines()).isEmpty();
    }

    @Test
    void aRequestTheDatabaseRefusesIsABugNotAnOutage() {
        given().auth().oauth2(Surveys.API_KEY).get("/v1/test-failures/refused")
                .then().statusCode(500).body("errorId", matchesPattern("[0-9a-f]{12}"));
    }

    @Test
    void aBugOnARatingLinkIsA500PageInTheSurveysLanguageWithItsReference() {
        JsonPath survey = Surveys.mint("CSAT_5", "zh-CN", "agent-e", "team-e");

        String page = given().get(Surveys.linkPath(survey, 1) + "/test-failures/bug")
                .then().statusCode(500).contentType(containsString("text/html"))
                .body(containsString("lang=\"zh-Hans\""))
                .body(containsString("我们这边出了问题"))
                .body(not(containsString("IllegalStateException")))
                .extract().asString();

        String errorId = errorLines().get(0).replaceAll(".*failure ([0-9a-f]{12}) .*", "$1");
        assertThat(page).contains("参考编号：" + errorId);
    }

    @Test
    void anOutageOnARatingLinkIsThePageThatSaysNothingWasSaved() {
        JsonPath survey = Surveys.mint("CSAT_5", "ro", "agent-e", "team-e");

        given().get(Surveys.linkPath(survey, 1) + "/test-failures/outage")
                .then().statusCode(503).body(containsString("lang=\"ro\""))
                .body(containsString("Răspunsul nu a fost salvat"));
    }

    @Test
    void aBugOnALinkThatIsNotOursIsAnEnglishPage() {
        given().get("/r/not-a-token/test-failures/bug").then().statusCode(500)
                .body(containsString("Something went wrong on our side")).body(containsString("Reference: "));
    }

    @Test
    void theErrorIdIsTwelveHexDigits() {
        assertThat(ErrorIds.next()).matches("[0-9a-f]{12}");
        assertThat(ErrorIds.next()).isNotEqualTo(ErrorIds.next());
    }

    @Test
    void aRejectedRequestIsNotLoggedAsAFailure() {
        given().auth().oauth2(Surveys.API_KEY).get("/v1/no-such-thing").then().statusCode(404);

        assertThat(errorLines()).isEmpty();
    }
}
