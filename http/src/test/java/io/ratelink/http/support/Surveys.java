package io.ratelink.http.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SigningKeys;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Surveys for tests: minted through the API, or signed directly with the test profile's keys. */
public final class Surveys {

    public static final String API_KEY = "test-api-key";
    /** A current desktop browser: the user agent of a person's click (test clients' own user agents are held). */
    public static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String TEST_KID = "test";
    public static final String TEST_SECRET = "ratelink-test-signing-key-0123456789abcdef";

    private Surveys() {
    }

    /** {@code POST /v1/surveys}; the response's JSON. */
    public static JsonPath mint(String scale, String locale, String agentId, String teamId) {
        return given().auth().oauth2(API_KEY).contentType(ContentType.JSON)
                .body(Map.of("ticketId", "T-" + System.nanoTime(), "agentId", agentId, "teamId", teamId,
                        "customerRef", "cust-" + System.nanoTime(), "scale", scale, "locale", locale))
                .when().post("/v1/surveys")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The path of the link for one score, e.g. {@code /r/eyJ…}. */
    public static String linkPath(JsonPath survey, int score) {
        String url = survey.getString("links.find { it.score == " + score + " }.url");
        return url.substring(url.indexOf("/r/"));
    }

    /** A genuine link whose survey closed a day ago. */
    public static String expiredLinkPath(Scale scale, int score, String locale) {
        Instant minted = Instant.now().minus(Duration.ofDays(31));
        LinkSigner signer = new LinkSigner(SigningKeys.of(TEST_KID, Map.of(TEST_KID, TEST_SECRET)),
                Clock.fixed(minted, ZoneOffset.UTC));
        SurveyClaims claims = new SurveyClaims(SurveyIds.next(), score, scale, locale, "T-old", "agent-old", "team-old",
                "cust-old", minted, minted.plus(Duration.ofDays(30)));
        return "/r/" + signer.mint(claims);
    }

    /** A link signed with the test profile's key, whatever its claims: as a system that mints links itself signs them. */
    public static String signedLinkPath(SurveyClaims claims) {
        LinkSigner signer = new LinkSigner(SigningKeys.of(TEST_KID, Map.of(TEST_KID, TEST_SECRET)), Clock.systemUTC());
        return "/r/" + signer.mint(claims);
    }

    /** A link signed with a key ratelink does not know. */
    public static String foreignLinkPath() {
        LinkSigner signer = new LinkSigner(SigningKeys.of(TEST_KID, Map.of(TEST_KID, "somebody-elses-key-of-enough-length-000")),
                Clock.systemUTC());
        Instant now = Instant.now();
        return "/r/" + signer.mint(new SurveyClaims(SurveyIds.next(), 1, Scale.CSAT_5, "en", "T-x", "a-x", "t-x", "c-x",
                now, now.plus(Duration.ofDays(1))));
    }
}
