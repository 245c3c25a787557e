package io.ratelink.http.dashboard.access;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.Session;
import io.ratelink.dashboard.access.SignInLink;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.score.TeamMember;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.survey.SigningKeys;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Signing in to the dashboard through the real flow: the form, the mail on a real SMTP server (GreenMail) through the
 * delivery queue and the escalate path's handler, the link's page and its button, the session cookie and the filter
 * in front of every dashboard page, against DynamoDB Local.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class DashboardAccessTest {

    private static final String PROBE = "/dashboard/test/viewer";
    private static final SecureRandom RANDOM = new SecureRandom();

    @InjectSmtp
    Smtp smtp;

    @Inject
    AccessTokens tokens;

    @Inject
    ScoreStore scores;

    @Test
    void withoutACookieADashboardPageSendsToTheSignInFormAndBackAfterwards() {
        given().redirects().follow(false).get(PROBE + "?team=emea&window=30d")
                .then().statusCode(303)
                .header("Location", "/dashboard/sign-in?next=" + "%2Fdashboard%2Ftest%2Fviewer%3Fteam%3Demea%26window%3D30d")
                .header("Set-Cookie", nullValue());
        given().redirects().follow(false).get("/dashboard").then().statusCode(303)
                .header("Location", "/dashboard/sign-in?next=%2Fdashboard");

        given().get("/dashboard/sign-in?next=/dashboard/test/viewer?team=emea").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"/dashboard/sign-in\""))
                .body(containsString("name=\"next\" value=\"/dashboard/test/viewer?team=emea\""))
                .body(not(containsString("<script")))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }

    @Test
    void anApiKeyOpensNoPageAndASessionOpensNoApiCall() {
        given().redirects().follow(false).header("Authorization", "Bearer test-api-key").get(PROBE)
                .then().statusCode(303);
        String session = DashboardSession.signIn(DashboardSession.ADMIN);

        DashboardSession.withCookie(session).get("/v1/ratings").then().statusCode(401);
        DashboardSession.withCookie(session).get(PROBE).then().statusCode(200);
    }

    @Test
    void anAdminSignsInThroughTheEmailedLinkAndSeesEveryTeam() throws Exception {
        int before = smtp.messagesTo(DashboardSession.ADMIN).size();
        Response signedIn = given().redirects().follow(false)
                .post("/dashboard/sign-in/{token}", DashboardSession.requestLink(DashboardSession.ADMIN));

        signedIn.then().statusCode(303).header("Location", "/dashboard");
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("ratelink_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/dashboard").contains("Max-Age=43200").doesNotContain("Secure");
        DashboardSession.withCookie(signedIn.getCookie(DashboardSession.COOKIE)).get(PROBE).then().statusCode(200)
                .body("email", equalTo(DashboardSession.ADMIN)).body("admin", equalTo(true));

        List<MimeMessage> received = smtp.awaitMessagesTo(DashboardSession.ADMIN, before + 1, Duration.ofSeconds(10));
        assertThat(received).hasSizeGreaterThan(before);
        assertThat(received.get(received.size() - 1).getSubject()).isEqualTo("Your sign-in link for the ratelink dashboard");
    }

    @Test
    void adminsAreRecognisedWhateverTheCaseOfTheAddress() {
        DashboardSession.as("SECOND.admin@ratelink.TEST").get(PROBE).then().statusCode(200)
                .body("admin", equalTo(true)).body("email", equalTo("SECOND.admin@ratelink.TEST"));
    }

    @Test
    void aManagerSeesTheTeamsOfTheAgentsWhoReportToThemAndNoOthers() {
        String manager = unique("boss") + "@Example.com";
        String ana = unique("ana");
        String bo = unique("bo");
        String other = unique("cy");
        putAgent(ana, manager);
        putAgent(bo, manager.toLowerCase());
        putAgent(other, unique("someone-else") + "@example.com");
        scores.rosters().record(List.of(new TeamMember("team-emea", ana), new TeamMember("team-apac", bo),
                new TeamMember("team-amer", other)));

        DashboardSession.as(manager.toUpperCase()).get(PROBE).then().statusCode(200)
                .body("admin", equalTo(false))
                .body("teams", equalTo(List.of("team-apac", "team-emea")));
    }

    @Test
    void aManagerWhoNoLongerManagesAnyoneIsSignedOutAtTheNextRequest() {
        String manager = unique("boss") + "@example.com";
        String agent = unique("agent");
        putAgent(agent, manager);
        String session = DashboardSession.signIn(manager);
        DashboardSession.withCookie(session).get(PROBE).then().statusCode(200);

        putAgent(agent, unique("new-boss") + "@example.com");

        Response refused = DashboardSession.withCookie(session).get(PROBE);
        refused.then().statusCode(303).header("Location", containsString("/dashboard/sign-in?next="));
        assertThat(refused.header("Set-Cookie")).startsWith("ratelink_session=;").contains("Max-Age=0");
    }

    @Test
    void theAnswerToTheFormIsTheSameForKnownAndUnknownAddresses() throws Exception {
        String manager = unique("boss") + "@example.com";
        putAgent(unique("agent"), manager);
        String stranger = unique("stranger") + "@example.com";

        Response known = given().formParam("email", manager).formParam("lang", "ro").post("/dashboard/sign-in");
        Response unknown = given().formParam("email", stranger).formParam("lang", "ro").post("/dashboard/sign-in");
        Response admin = given().formParam("email", DashboardSession.ADMIN).formParam("lang", "ro").post("/dashboard/sign-in");

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(admin.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.asString()).isEqualTo(known.asString()).isEqualTo(admin.asString())
                .contains("Dacă această adresă are acces, un link este pe drum. Funcționează o singură dată, timp de 15 minute.");
        assertThat(unknown.headers().asList().stream().map(header -> header.getName()).toList())
                .isEqualTo(known.headers().asList().stream().map(header -> header.getName()).toList());

        assertThat(smtp.awaitMessagesTo(manager, 1, Duration.ofSeconds(10))).hasSize(1);
        Thread.sleep(1500);
        assertThat(smtp.messagesTo(stranger)).isEmpty();
    }

    @Test
    void aMalformedAddressIsAskedForAgain() {
        given().formParam("email", "not an address").post("/dashboard/sign-in").then().statusCode(400)
                .body(containsString("Please enter one email address"));
        given().formParam("email", "a@example.com, b@example.com").post("/dashboard/sign-in").then().statusCode(400);
    }

    @Test
    void openingTheEmailedLinkSignsNoOneInAndLeavesItUsable() {
        String token = DashboardSession.requestLink(DashboardSession.ADMIN);

        for (int scannerVisit = 0; scannerVisit < 2; scannerVisit++) {
            given().redirects().follow(false).get("/dashboard/sign-in/{token}", token).then().statusCode(200)
                    .header("Set-Cookie", nullValue())
                    .body(containsString("<form method=\"post\""))
                    .body(containsString("You are signing in as " + DashboardSession.ADMIN))
                    .body(not(containsString("<script")));
            given().redirects().follow(false).head("/dashboard/sign-in/{token}", token).then()
                    .header("Set-Cookie", nullValue());
        }

        given().redirects().follow(false).post("/dashboard/sign-in/{token}", token).then().statusCode(303)
                .header("Set-Cookie", containsString("ratelink_session="));
    }

    @Test
    void aLinkUsedTwiceIsRefusedTheSecondTime() {
        String token = DashboardSession.requestLink(DashboardSession.ADMIN);
        given().redirects().follow(false).post("/dashboard/sign-in/{token}", token).then().statusCode(303);

        given().redirects().follow(false).post("/dashboard/sign-in/{token}", token).then().statusCode(410)
                .header("Set-Cookie", nullValue())
                .body(containsString("This sign-in link has been used"))
                .body(containsString("href=\"/dashboard/sign-in?lang=en\""));
        given().redirects().follow(false).get("/dashboard/sign-in/{token}", token).then().statusCode(410)
                .body(containsString("This sign-in link has been used"));
    }

    @Test
    void anExpiredOrTamperedLinkIsRefusedAndOffersANewOne() {
        String expired = tokens.mintLink(new SignInLink(DashboardSession.ADMIN, unique("link"), "fa", Optional.empty(),
                Instant.now().minusSeconds(1)));
        given().redirects().follow(false).get("/dashboard/sign-in/{token}", expired).then().statusCode(410)
                .body(containsString("dir=\"rtl\"")).body(containsString("href=\"/dashboard/sign-in?lang=fa\""));
        given().redirects().follow(false).post("/dashboard/sign-in/{token}", expired).then().statusCode(410)
                .header("Set-Cookie", nullValue());

        String token = DashboardSession.requestLink(DashboardSession.ADMIN);
        String tampered = tamper(token);
        given().redirects().follow(false).get("/dashboard/sign-in/{token}", tampered).then().statusCode(400)
                .body(containsString("This sign-in link does not work"));
        given().redirects().follow(false).post("/dashboard/sign-in/{token}", tampered).then().statusCode(400)
                .header("Set-Cookie", nullValue());
        given().redirects().follow(false).post("/dashboard/sign-in/{token}", token).then().statusCode(303);
    }

    @Test
    void aTamperedExpiredOrMisusedCookieIsRefusedAndCleared() {
        String session = DashboardSession.signIn(DashboardSession.ADMIN);
        String expired = tokens.mintSession(new Session(DashboardSession.ADMIN, Instant.now().minus(Duration.ofHours(13)),
                Instant.now().minus(Duration.ofHours(1))));
        String aLinkInstead = tokens.mintLink(new SignInLink(DashboardSession.ADMIN, unique("link"), "en", Optional.empty(),
                Instant.now().plusSeconds(600)));
        AccessTokens unknownKey = new AccessTokens(SigningKeys.of("stolen",
                Map.of("stolen", "a-key-this-application-was-never-given-0123"), "test"), Clock.systemUTC());
        String forged = unknownKey.mintSession(new Session(DashboardSession.ADMIN, Instant.now(), Instant.now().plusSeconds(600)));

        for (String refused : List.of(tamper(session), expired, aLinkInstead, forged, "garbage")) {
            Response answer = DashboardSession.withCookie(refused).get(PROBE);
            answer.then().statusCode(303).header("Location", "/dashboard/sign-in?next=%2Fdashboard%2Ftest%2Fviewer");
            assertThat(answer.header("Set-Cookie")).as(refused).startsWith("ratelink_session=;").contains("Max-Age=0")
                    .contains("Path=/dashboard");
        }
    }

    @Test
    void aCookieSignedWithAnOlderConfiguredKeyStillOpensTheDashboard() {
        AccessTokens oldKey = new AccessTokens(SigningKeys.of("old",
                Map.of("old", "ratelink-old-dashboard-key-still-verifying-0123"), "test"), Clock.systemUTC());
        String session = oldKey.mintSession(new Session(DashboardSession.ADMIN, Instant.now(), Instant.now().plusSeconds(600)));

        DashboardSession.withCookie(session).get(PROBE).then().statusCode(200).body("admin", equalTo(true));
    }

    @Test
    void afterSigningInThePersonLandsOnThePageTheyAskedForButNeverOutsideTheDashboard() {
        Map<String, String> fields = new HashMap<>();
        fields.put("next", "/dashboard/test/viewer?team=emea");
        String token = DashboardSession.requestLink(DashboardSession.ADMIN, fields);
        given().redirects().follow(false).post("/dashboard/sign-in/{token}", token).then().statusCode(303)
                .header("Location", "/dashboard/test/viewer?team=emea");

        for (String elsewhere : List.of("https://evil.example/dashboard", "//evil.example/dashboard", "/v1/ratings",
                "/dashboard/../v1/ratings", "/dashboard/%2e%2e/v1")) {
            given().get("/dashboard/sign-in?next=" + elsewhere).then().statusCode(200)
                    .body(not(containsString("name=\"next\"")));
            String link = DashboardSession.requestLink(DashboardSession.ADMIN, Map.of("next", elsewhere));
            given().redirects().follow(false).post("/dashboard/sign-in/{token}", link).then().statusCode(303)
                    .header("Location", "/dashboard");
        }
    }

    @Test
    void signingOutClearsTheCookieAndShowsTheSignInForm() {
        Response out = DashboardSession.as(DashboardSession.ADMIN).post("/dashboard/sign-out");

        out.then().statusCode(303).header("Location", "/dashboard/sign-in");
        assertThat(out.header("Set-Cookie")).startsWith("ratelink_session=;").contains("Max-Age=0");
    }

    @Test
    void thePagesAndTheMailSpeakTheLanguageAskedFor() {
        given().get("/dashboard/sign-in?lang=fa").then().statusCode(200)
                .body(containsString("lang=\"fa\" dir=\"rtl\"")).body(containsString("ورود به داشبورد"));
        given().header("Accept-Language", "de-DE, zh-CN;q=0.8, en;q=0.5").get("/dashboard/sign-in").then()
                .body(containsString("lang=\"zh-Hans\"")).body(containsString("登录仪表板"));
        given().header("Accept-Language", "ro").get("/dashboard/sign-in").then()
                .body(containsString("Autentificare în panou"));

        String token = DashboardSession.requestLink(DashboardSession.ADMIN, Map.of("lang", "ro"));
        Map<String, Object> mail = DashboardSession.mailsTo(DashboardSession.ADMIN).get(0);
        assertThat(mail.get("subject")).isEqualTo("Linkul de autentificare în panoul ratelink");
        assertThat((String) mail.get("text")).contains("http://localhost:8081/dashboard/sign-in/" + token)
                .contains("timp de 15 minute");
        given().get("/dashboard/sign-in/{token}", token).then().statusCode(200)
                .body(containsString("Vă autentificați ca " + DashboardSession.ADMIN));
    }

    private static void putAgent(String agentId, String managerEmail) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Agent " + agentId);
        body.put("email", agentId + "@example.com");
        body.put("managerEmail", managerEmail);
        body.put("locale", "en");
        given().header("Authorization", "Bearer test-api-key").contentType(ContentType.JSON).body(body)
                .put("/v1/agents/{id}", agentId).then().statusCode(200);
    }

    private static String tamper(String token) {
        int last = token.length() - 2;
        char swapped = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + swapped + token.charAt(last + 1);
    }

    private static String unique(String prefix) {
        byte[] bits = new byte[5];
        RANDOM.nextBytes(bits);
        return prefix + "-" + HexFormat.of().formatHex(bits);
    }
}
