package io.ratelink.http.capture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.http.support.Surveys;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** DynamoDB cannot be reached: the click is answered with a page that says nothing was saved, never a success. */
@QuarkusTest
@TestProfile(DatabaseDownTest.Unreachable.class)
class DatabaseDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:9",
                    "ratelink.tables.create", "false");
        }
    }

    @Test
    void aClickWhileTheDatabaseIsDownSaysItWasNotSavedWith503() {
        JsonPath survey = Surveys.mint("CSAT_5", "zh-CN", "agent-d", "team-d");

        given().get(Surveys.linkPath(survey, 1)).then().statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("lang=\"zh-Hans\""))
                .body(containsString("您的答案未能保存"))
                .body(not(containsString("感谢您的反馈")));
    }

    @Test
    void aCommentWhileTheDatabaseIsDownSaysItWasNotSaved() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-d", "team-d");

        given().formParam("score", "2").formParam("comment", "hello").post(Surveys.linkPath(survey, 2))
                .then().statusCode(503).body(containsString("Your answer was not saved"))
                .body(not(containsString("your comment reached the team")));
    }

    @Test
    void listingRatingsWhileTheDatabaseIsDownIsA503NotAStackTrace() {
        given().auth().oauth2(Surveys.API_KEY).accept("application/json").get("/v1/ratings")
                .then().statusCode(503).body(not(containsString("Exception")));
    }
}
