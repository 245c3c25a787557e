package io.ratelink.http.capture;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.ApplicationTraffic;
import io.ratelink.http.support.Surveys;
import io.ratelink.rating.Click;
import io.ratelink.rating.ClientKind;
import io.ratelink.rating.Rating;
import io.ratelink.rating.RatingStatus;
import io.ratelink.rating.store.RatingStore;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.Scale;
import io.ratelink.survey.SurveyClaims;
import io.ratelink.survey.SurveyIds;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ClickResourceTest {

    static final String BROWSER = Surveys.BROWSER;

    static final String RATINGS = "ratelink-ratings";

    @Inject
    RatingStore store;

    @Test
    void aClickRecordsTheAnswerWithExactlyOneDynamoDbRequest() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 2);
        ApplicationTraffic.clear();

        given().header("User-Agent", BROWSER).when().get(link)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Thank you for your feedback"))
                .body(containsString("Dissatisfied"));

        assertThat(ApplicationTraffic.operationsOn(RATINGS)).containsExactly("UpdateItem");
        Rating rating = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(rating.score()).isEqualTo(2);
        assertThat(rating.low()).isTrue();
        assertThat(rating.version()).isEqualTo(1);
        assertThat(rating.clicks()).extracting(Click::client).containsExactly(ClientKind.BROWSER);
    }

    @Test
    void theThankYouPageHighlightsTheChoiceAndOffersTheOthersAndACommentBox() {
        JsonPath survey = Surveys.mint("CSAT_3", "en", "agent-a", "team-a");

        String page = given().header("User-Agent", BROWSER).get(Surveys.linkPath(survey, 3)).then().statusCode(200)
                .extract().asString();

        assertThat(page).contains("value=\"3\" title=\"Great\" aria-label=\"Great\" aria-pressed=\"true\"");
        assertThat(page).contains("value=\"1\" title=\"Bad\" aria-label=\"Bad\" aria-pressed=\"false\"");
        assertThat(page).contains("<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"");
        assertThat(page).doesNotContain("<script");
    }

    @Test
    void pagesSendNoReferrerAStrictContentSecurityPolicyAndAreNotCached() {
        JsonPath survey = Surveys.mint("THUMBS", "en", "agent-a", "team-a");

        given().get(Surveys.linkPath(survey, 1)).then().statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void headRecordsNothing() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        ApplicationTraffic.clear();

        given().head(Surveys.linkPath(survey, 1)).then().statusCode(200);

        assertThat(ApplicationTraffic.operationsOn(RATINGS)).isEmpty();
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    @Test
    void aPrefetchIsRefusedAndRecordsNothingSoThePersonsOwnClickIsRecorded() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 4);
        ApplicationTraffic.clear();

        for (String[] header : new String[][] { { "Sec-Purpose", "prefetch" }, { "Sec-Purpose", "prefetch;prerender" },
                { "Purpose", "prefetch" }, { "X-Purpose", "preview" }, { "X-Moz", "prefetch" } }) {
            given().header("User-Agent", BROWSER).header(header[0], header[1]).get(link)
                    .then().statusCode(503).header("Retry-After", "0");
        }

        assertThat(ApplicationTraffic.operationsOn(RATINGS)).isEmpty();
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
        given().header("User-Agent", BROWSER).get(link).then().statusCode(200).body(containsString("Thank you for your feedback"));
        assertThat(store.find(survey.getString("surveyId")).orElseThrow().status()).isEqualTo(RatingStatus.COUNTED);
    }

    @Test
    void aHeldClickLandsOnAPageThatAsksWithOneButtonAndNoScriptAndTheButtonCountsIt() {
        JsonPath survey = Surveys.mint("CSAT_3", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 1);

        String page = given().header("User-Agent", "MicrosoftPreview/2.0 (+https://aka.ms/MicrosoftPreview)").get(link)
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("<h1>Is this your rating?</h1>").contains("Bad")
                .contains("<form method=\"post\" class=\"confirm\">")
                .contains("<input type=\"hidden\" name=\"score\" value=\"1\">")
                .doesNotContain("<script").doesNotContain("onload");
        assertThat(page.split("<button", -1)).hasSize(2);
        Rating held = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(held.status()).isEqualTo(RatingStatus.SUSPECT);
        assertThat(held.statusReason()).get().asString().startsWith("preview-agent (MicrosoftPreview)");

        given().header("User-Agent", BROWSER).formParam("score", "1").post(link)
                .then().statusCode(200).body(containsString("Thank you for your feedback"));

        Rating confirmed = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(RatingStatus.COUNTED);
        assertThat(confirmed.statusReason()).isEmpty();
        assertThat(confirmed.clicks()).extracting(Click::client).containsExactly(ClientKind.PREVIEW, ClientKind.BROWSER);
    }

    @Test
    void theLastClickWins() {
        JsonPath survey = Surveys.mint("NPS", "en", "agent-a", "team-a");
        given().header("User-Agent", BROWSER).get(Surveys.linkPath(survey, 3)).then().statusCode(200);

        given().header("User-Agent", BROWSER).get(Surveys.linkPath(survey, 10)).then().statusCode(200);

        Rating rating = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(rating.score()).isEqualTo(10);
        assertThat(rating.low()).isFalse();
        assertThat(rating.clicks()).extracting(Click::score).containsExactly(3, 10);
    }

    @Test
    void thePageChangesTheAnswerAndSavesAComment() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 1);
        given().header("User-Agent", BROWSER).get(link).then().statusCode(200);

        given().header("User-Agent", BROWSER).formParam("score", "4").formParam("comment", "Fixed after all, thanks!")
                .post(link).then().statusCode(200)
                .body(containsString("your comment reached the team"))
                .body(containsString("Fixed after all, thanks!"));

        Rating rating = store.find(survey.getString("surveyId")).orElseThrow();
        assertThat(rating.score()).isEqualTo(4);
        assertThat(rating.comment()).contains("Fixed after all, thanks!");
        assertThat(rating.clicks()).extracting(Click::method).containsExactly("GET", "POST");
    }

    @Test
    void markupInACommentIsKeptAsTextAndShownEscaped() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String comment = "<script>alert(1)</script><img src=x onerror=alert(2)>";

        String page = given().header("User-Agent", BROWSER).formParam("score", "2").formParam("comment", comment)
                .post(Surveys.linkPath(survey, 2))
                .then().statusCode(200).extract().asString();

        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(store.find(survey.getString("surveyId")).orElseThrow().comment()).contains(comment);
    }

    @Test
    void aCommentOverTheLimitIsRefusedKindlyAndNothingTypedIsLost() {
        JsonPath survey = Surveys.mint("CSAT_5", "ro", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 2);
        String tooLong = "Prea lung. ".repeat(300);

        String page = given().formParam("score", "2").formParam("comment", tooLong).post(link)
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();

        assertThat(page).contains("lang=\"ro\"").contains("mai mult de 2.000 de caractere")
                .contains(tooLong.strip());
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    /** A form body as sent, and like a browser's without a charset: the page's, UTF-8. */
    private static RequestSpecification asABrowserPostsIt() {
        return given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("User-Agent", BROWSER).contentType("application/x-www-form-urlencoded");
    }

    @Test
    void aCommentThatIsNotUtf8IsRefusedWithTheFormsPageAndNothingIsStored() {
        JsonPath survey = Surveys.mint("CSAT_5", "ro", "agent-a", "team-a");

        String page = asABrowserPostsIt().body("score=2&comment=Bun%C4%83%ff%fe%00").post(Surveys.linkPath(survey, 2))
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();

        assertThat(page).contains("lang=\"ro\"").contains("Comentariul nu a putut fi citit")
                .contains("placeholder=\"").contains("Bună");
        assertThat(page).doesNotContain("\u0000");
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    @Test
    void aCommentHoldingANulIsRefusedToo() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");

        asABrowserPostsIt().body("score=2&comment=fine%00").post(Surveys.linkPath(survey, 2))
                .then().statusCode(400).body(containsString("Your comment could not be read"));
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    @Test
    void aHugeCommentGetsThePageNotAServerError() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");

        given().formParam("score", "2").formParam("comment", "x".repeat(200_000)).post(Surveys.linkPath(survey, 2))
                .then().statusCode(400).body(containsString("longer than 2,000 characters"));
    }

    @Test
    void aScoreThePageNeverOffersIsRefused() {
        JsonPath survey = Surveys.mint("CSAT_3", "en", "agent-a", "team-a");

        given().formParam("score", "7").post(Surveys.linkPath(survey, 1)).then().statusCode(400)
                .body(containsString("choose one of the answers"));
        given().formParam("score", "abc").post(Surveys.linkPath(survey, 1)).then().statusCode(400);
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    @Test
    void expiredTokenShowsAFriendlyPageIn410InTheSurveysLanguage() {
        ApplicationTraffic.clear();

        given().get(Surveys.expiredLinkPath(Scale.CSAT_5, 1, "fa")).then().statusCode(410)
                .contentType(containsString("text/html"))
                .body(containsString("lang=\"fa\" dir=\"rtl\""))
                .body(containsString("این پیوند امتیازدهی منقضی شده است"));

        assertThat(ApplicationTraffic.operationsOn(RATINGS)).isEmpty();
    }

    @Test
    void tamperedTruncatedForeignAndOversizedTokensGetTheSameFriendlyPageAndTouchNothing() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 5);
        String token = link.substring(3);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"s\":5", "\"s\":1");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        String noneAlg = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"test\"}".getBytes())
                + "." + parts[1] + ".";
        ApplicationTraffic.clear();

        for (String path : new String[] { "/r/" + tampered, link.substring(0, link.length() - 12), Surveys.foreignLinkPath(),
                "/r/" + noneAlg, "/r/" + token + "A".repeat(LinkSigner.MAX_TOKEN_LENGTH), "/r/not-a-token" }) {
            given().get(path).then().statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("This rating link does not work"))
                    .body(not(containsString("Exception")));
        }

        assertThat(ApplicationTraffic.operationsOn(RATINGS)).isEmpty();
        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    @Test
    void aCorrectlySignedLinkWithIdsBeyondTheLimitsGetsTheSameFriendlyPageAndTouchesNothing() {
        Instant now = Instant.now();
        SurveyClaims longTicket = new SurveyClaims(SurveyIds.next(), 1, Scale.CSAT_5, "en", "T-" + "9".repeat(63), "agent-a",
                "team-a", "cust-a", now, now.plus(Duration.ofDays(30)));
        SurveyClaims longCustomer = new SurveyClaims(SurveyIds.next(), 1, Scale.CSAT_5, "en", "T-1", "agent-a", "team-a",
                "c".repeat(SurveyClaims.MAX_CUSTOMER_REF_LENGTH + 1), now, now.plus(Duration.ofDays(30)));
        ApplicationTraffic.clear();

        for (SurveyClaims claims : List.of(longTicket, longCustomer)) {
            given().header("User-Agent", BROWSER).get(Surveys.signedLinkPath(claims)).then().statusCode(400)
                    .body(containsString("This rating link does not work"));
        }

        assertThat(ApplicationTraffic.operationsOn(RATINGS)).isEmpty();
    }

    @Test
    void aSurveyIdReusedForAnotherTeamGetsTheSameFriendlyPageAndLeavesTheRatingAlone() {
        Instant now = Instant.now();
        SurveyClaims original = new SurveyClaims(SurveyIds.next(), 2, Scale.CSAT_5, "en", "T-reused", "agent-r", "team-r",
                "cust-r", now, now.plus(Duration.ofDays(30)));
        SurveyClaims reused = new SurveyClaims(original.surveyId(), 1, Scale.CSAT_5, "en", "T-reused", "agent-r",
                "team-other", "cust-r", now, now.plus(Duration.ofDays(30)));
        given().header("User-Agent", BROWSER).get(Surveys.signedLinkPath(original)).then().statusCode(200);

        given().header("User-Agent", BROWSER).get(Surveys.signedLinkPath(reused)).then().statusCode(400)
                .body(containsString("This rating link does not work"));

        Rating stored = store.find(original.surveyId()).orElseThrow();
        assertThat(stored.teamId()).isEqualTo("team-r");
        assertThat(stored.score()).isEqualTo(2);
    }

    @Test
    void aPostWithATamperedTokenRecordsNothing() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 5);

        given().formParam("score", "1").formParam("comment", "hi").post(link.substring(0, link.length() - 4) + "AAAA")
                .then().statusCode(400).body(containsString("This rating link does not work"));

        assertThat(store.find(survey.getString("surveyId"))).isEmpty();
    }

    @Test
    void theTokenNeverAppearsInAnswersOtherThanThePageItself() {
        JsonPath survey = Surveys.mint("CSAT_5", "en", "agent-a", "team-a");
        String link = Surveys.linkPath(survey, 4);

        Response response = given().get(link);

        assertThat(response.asString()).doesNotContain(link.substring(3));
        assertThat(response.getHeaders().asList()).noneMatch(h -> h.getValue().contains(link.substring(3)));
    }
}
