package io.ratelink.http.dashboard.access;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Dashboard forms posted from another site are refused before they can sign anyone in or out. */
@QuarkusTest
class CrossSiteFormsTest {

    @Test
    void anotherSitePostingSomeoneElsesLinkSignsNobodyInAndLeavesTheLinkUsable() {
        String token = DashboardSession.requestLink(DashboardSession.ADMIN);

        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .post("/dashboard/sign-in/{token}", token)
                .then().statusCode(403).body(containsString("the dashboard's own pages"));
        given().redirects().follow(false).header("Origin", "https://attacker.example")
                .post("/dashboard/sign-in/{token}", token)
                .then().statusCode(403);

        String session = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "http://localhost:8081").post("/dashboard/sign-in/{token}", token)
                .then().statusCode(303).extract().cookie(DashboardSession.COOKIE);
        assertThat(session).isNotBlank();
    }

    @Test
    void signOutAndRetryFromAnotherSiteAreRefusedAndTheDashboardsOwnPagesPass() {
        String session = DashboardSession.signIn(DashboardSession.ADMIN);

        DashboardSession.withCookie(session).header("Sec-Fetch-Site", "same-site").post("/dashboard/sign-out")
                .then().statusCode(403);
        DashboardSession.withCookie(session).header("Origin", "null")
                .post("/dashboard/escalations/nothing.e000000000000/retry").then().statusCode(403);
        DashboardSession.withCookie(session).header("Sec-Fetch-Site", "same-origin").get("/dashboard/escalations")
                .then().statusCode(200);
        DashboardSession.withCookie(session).header("Origin", "http://localhost:8081").post("/dashboard/sign-out")
                .then().statusCode(303);
    }

    @Test
    void whereAPostComesFromIsReadFromFetchSiteThenOrigin() {
        assertThat(CrossSiteForms.fromElsewhere("same-origin", "https://evil.example", "ratelink.example")).isFalse();
        assertThat(CrossSiteForms.fromElsewhere("none", null, "ratelink.example")).isFalse();
        assertThat(CrossSiteForms.fromElsewhere("cross-site", null, "ratelink.example")).isTrue();
        assertThat(CrossSiteForms.fromElsewhere(null, "https://ratelink.example", "ratelink.example")).isFalse();
        assertThat(CrossSiteForms.fromElsewhere(null, "https://ratelink.example:8443", "ratelink.example:8443")).isFalse();
        assertThat(CrossSiteForms.fromElsewhere(null, "https://ratelink.example.evil.example", "ratelink.example")).isTrue();
        assertThat(CrossSiteForms.fromElsewhere(null, "null", "ratelink.example")).isTrue();
        assertThat(CrossSiteForms.fromElsewhere(null, null, "ratelink.example")).isFalse();
    }
}
