package io.ratelink.http.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.survey.Languages;
import io.ratelink.survey.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

/** The demo page and the email inside it, with and without a scale and a language chosen. */
@QuarkusTest
class DemoResourceTest {

    @Test
    void theDemoWithoutScaleOrLanguageShowsTheCsat3EmailInEnglish() {
        given().get("/demo")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("class=\"chip on\" href=\"/demo?scale=CSAT_3&amp;lang=en\""))
                .body(containsString("src=\"/demo/email?scale=CSAT_3&amp;lang=en\""));
    }

    @Test
    void theDemoEmailWithoutScaleOrLanguageIsInEnglish() {
        given().get("/demo/email")
                .then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .body(containsString("<base target=\"_top\">"));
    }

    @Test
    void theDemoShowsTheChosenScaleAndLanguage() {
        given().get("/demo?scale=NPS&lang=fa")
                .then().statusCode(200)
                .body(containsString("src=\"/demo/email?scale=NPS&amp;lang=fa\""));
        given().get("/demo/email?scale=NPS&lang=fa")
                .then().statusCode(200)
                .body(containsString("<html lang=\"fa\" dir=\"rtl\">"));
    }

    @Test
    void theDemoOffersEveryLanguageWithABundle() {
        for (String language : Languages.all()) {
            given().get("/demo")
                    .then().statusCode(200)
                    .body(containsString("href=\"/demo?scale=CSAT_3&amp;lang=" + language + "\">" + Messages.forTag(language).get("lang.name") + "<"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "zh", "zh-Hans", "zh-CN" })
    void theDemoTakesABundlesLanguageItsTagOrARegionalTag(String tag) {
        given().get("/demo?lang=" + tag)
                .then().statusCode(200)
                .body(containsString("class=\"chip on\" href=\"/demo?scale=CSAT_3&amp;lang=zh\""))
                .body(containsString("src=\"/demo/email?scale=CSAT_3&amp;lang=zh\""));
        given().get("/demo/email?lang=" + tag)
                .then().statusCode(200)
                .body(containsString("<html lang=\"zh-Hans\" dir=\"ltr\">"));
    }

    @Test
    void aLanguageWithoutABundleIsShownInEnglish() {
        given().get("/demo?lang=sw")
                .then().statusCode(200)
                .body(containsString("src=\"/demo/email?scale=CSAT_3&amp;lang=en\""));
    }
}
