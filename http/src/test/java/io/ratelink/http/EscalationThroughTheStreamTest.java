package io.ratelink.http;

import io.ratelink.local.Smtp;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.SmtpServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.http.support.FixtureClock;
import io.ratelink.survey.SurveyIds;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A click on a rating link, through the ratings table's stream (the dev-mode poller, fed from DynamoDB Local as
 * Lambda is fed in AWS), to the manager's inbox on a real SMTP server; and the failed list and its replay.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class EscalationThroughTheStreamTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(15);
    /**
     * How long to watch for an email that must not come: the test profile's settle window (1 s) and a long poll of
     * the queue consumer (1 s), with room to spare.
     */
    private static final Duration QUIET = Duration.ofMillis(2500);

    @InjectSmtp
    Smtp smtp;

    @Inject
    FixtureClock clock;

    @Test
    void aLowClickReachesTheManagersInboxWithinTheStreamsPollingTime() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            String agentId = Api.unique("agent");
            String manager = agentId + "-manager@example.com";
            Api.putAgent(agentId, "Kim Ode", manager, "en");
            String ticketId = Api.unique("T");
            String lowest = Api.mintSurvey(ticketId, agentId, "CSAT_3").get(1);

            long clicked = System.nanoTime();
            Api.click(lowest);
            List<MimeMessage> received = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
            millis.add((System.nanoTime() - clicked) / 1_000_000);

            assertThat(received).hasSize(1);
            assertThat(received.get(0).getSubject()).isEqualTo("Low rating for Kim Ode on ticket " + ticketId);
        }
        Collections.sort(millis);
        System.out.printf("click-to-mail (GET /r/{token} sent -> message accepted by GreenMail), 5 clicks, "
                + "poll interval 50 ms: min %d ms, median %d ms, max %d ms%n", millis.get(0), millis.get(2), millis.get(4));
    }

    @Test
    void aClickOutsideTheLowBandSendsNothing() throws Exception {
        String agentId = Api.unique("agent");
        String manager = agentId + "-manager@example.com";
        Api.putAgent(agentId, "Lea Roth", manager, "en");

        Api.click(Api.mintSurvey(Api.unique("T"), agentId, "CSAT_3").get(3));

        Thread.sleep(QUIET.toMillis());
        assertThat(smtp.messagesTo(manager)).isEmpty();
    }

    @Test
    void aMissingManagerIsListedAsFailedAndReplayedOnceAManagerIsSet() throws Exception {
        String agentId = Api.unique("agent");
        String ticketId = Api.unique("T");
        Api.putAgent(agentId, "Mo Diallo", null, "ro");

        Api.click(Api.mintSurvey(ticketId, agentId, "CSAT_5").get(1));
        Map<String, Object> failed = awaitFailedEscalationFor(ticketId);

        assertThat(failed).containsEntry("agentId", agentId).containsEntry("kind", "escalation")
                .containsEntry("scale", "CSAT_5").containsEntry("score", 1);
        assertThat((String) failed.get("lastError")).contains("no manager on file");
        String id = (String) failed.get("id");

        String manager = agentId + "-manager@example.com";
        Api.putAgent(agentId, "Mo Diallo", manager, "ro");
        Api.admin().post("/v1/escalations/{id}/retry", id)
                .then().statusCode(202).header("Location", containsString("/v1/escalations/" + id))
                .body("outcome", equalTo("/v1/escalations/" + id));

        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
        awaitStatus(id, "sent");
        Api.admin().get("/v1/escalations/{id}", id).then().statusCode(200).body("recipient", equalTo(manager));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Evaluare scăzută pentru Mo Diallo la tichetul " + ticketId);
        Api.admin().post("/v1/escalations/{id}/retry", id)
                .then().statusCode(409).body("escalation.status", equalTo("sent"));
        assertThat(failedEscalations()).noneSatisfy(escalation -> assertThat(escalation.get("id")).isEqualTo(id));
        Thread.sleep(500);
        assertThat(smtp.messagesTo(manager)).hasSize(1);
    }

    @Test
    void theListRefusesAnUnknownStatusAndTheReplayAnUnknownId() {
        Api.admin().get("/v1/escalations?status=lost").then().statusCode(400);
        Api.admin().post("/v1/escalations/{id}/retry", SurveyIds.next() + ".e000000000001").then().statusCode(404);
        Api.admin().post("/v1/escalations/{id}/retry", "nothing-here.e000000000001").then().statusCode(400);
        Api.admin().post("/v1/escalations/{id}/retry", "not-an-id").then().statusCode(400);
        given().get("/v1/escalations?status=failed").then().statusCode(401);
        given().post("/v1/escalations/{id}/retry", "nothing-here.e000000000001").then().statusCode(401);
    }

    @Test
    void devMailShowsTheMailSentAsJsonAndAsAPage() throws Exception {
        String agentId = Api.unique("agent");
        String manager = agentId + "-manager@example.com";
        String ticketId = Api.unique("T");
        Api.putAgent(agentId, "Noor Haddad", manager, "fa");
        Api.click(Api.mintSurvey(ticketId, agentId, "NPS").get(0));
        smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);

        JsonPath mails = given().accept(ContentType.JSON).get("/dev/mail").then().statusCode(200).extract().jsonPath();
        Map<String, Object> mail = mails.<Map<String, Object>>getList("").stream()
                .filter(entry -> ((List<?>) entry.get("to")).contains(manager)).findFirst().orElseThrow();
        assertThat((String) mail.get("subject")).isEqualTo("امتیاز پایین برای Noor Haddad در تیکت " + ticketId);
        assertThat((String) mail.get("text")).contains("0 در مقیاس 0 تا 10 – اصلاً احتمال ندارد");
        assertThat(((Map<?, ?>) mail.get("headers")).containsKey("Message-ID")).isTrue();

        given().accept(ContentType.HTML).get("/dev/mail")
                .then().statusCode(200)
                .body(containsString("Mail sent by this application"))
                .body(containsString(ticketId));
        given().get("/dev/mail/{index}", mail.get("index"))
                .then().statusCode(200).body(containsString("dir=\"rtl\""));
    }

    @Test
    void aMisclickCorrectedWithinSecondsSendsOneEmailWithTheFinalAnswer() throws Exception {
        String agentId = Api.unique("agent");
        String manager = agentId + "-manager@example.com";
        String ticketId = Api.unique("T");
        Api.putAgent(agentId, "Uma Rao", manager, "en");
        // The application's clock puts the correction 2.5 s after the misclick, past the correction gap, so it counts
        // as a person's; both reach the stream well within the settle window.
        Instant sent = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        try {
            clock.pin(sent);
            Map<Integer, String> links = Api.mintSurvey(ticketId, agentId, "CSAT_5");
            clock.pin(sent.plus(Duration.ofMinutes(10)));
            Api.click(links.get(1));
            clock.pin(sent.plus(Duration.ofMinutes(10)).plusMillis(2500));
            Api.click(links.get(2));
        } finally {
            clock.release();
        }

        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
        Thread.sleep(QUIET.toMillis());
        assertThat(smtp.messagesTo(manager)).hasSize(1);
        assertThat(plainText(received.get(0))).contains("★★ Dissatisfied").doesNotContain("★ Very dissatisfied");
    }

    @Test
    void tenPostsAlternatingLowAndHighWithNewCommentsCoalesceIntoOneEmail() throws Exception {
        String agentId = Api.unique("agent");
        String manager = agentId + "-manager@example.com";
        Api.putAgent(agentId, "Vik Das", manager, "en");
        String link = Api.mintSurvey(Api.unique("T"), agentId, "CSAT_5").get(1);

        long started = System.nanoTime();
        for (int post = 0; post < 10; post++) {
            postOnThePage(link, post % 2 == 0 ? "5" : "1", "Complaint number " + post);
        }
        long flood = (System.nanoTime() - started) / 1_000_000;

        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
        Thread.sleep(QUIET.toMillis());
        int emails = smtp.messagesTo(manager).size();
        System.out.printf("10 posts alternating 5 and 1 with new comments, as fast as they go (%d ms, settle window 1 s): "
                + "%d email(s)%n", flood, emails);
        assertThat(emails).isEqualTo(1);
        assertThat(plainText(received.get(0))).contains("> Complaint number 9");
    }

    @Test
    void newCommentsAfterEachSettleWindowStopAtTheSurveysLimit() throws Exception {
        String agentId = Api.unique("agent");
        String manager = agentId + "-manager@example.com";
        Api.putAgent(agentId, "Wen Li", manager, "en");
        String link = Api.mintSurvey(Api.unique("T"), agentId, "CSAT_5").get(1);

        for (int post = 0; post < 5; post++) {
            postOnThePage(link, "1", "Still waiting, day " + post);
            smtp.awaitMessagesTo(manager, Math.min(post + 1, 3), MAIL_WAIT);
        }

        Thread.sleep(QUIET.toMillis());
        List<MimeMessage> received = smtp.messagesTo(manager);
        System.out.printf("5 new comments, each after the settle window: %d emails%n", received.size());
        assertThat(received).hasSize(3);
        assertThat(received.stream().filter(mail -> header(mail, "In-Reply-To") != null)).hasSize(2);
    }

    private static void postOnThePage(String link, String score, String comment) {
        given().header("User-Agent", Api.BROWSER).formParam("score", score).formParam("comment", comment)
                .post(link).then().statusCode(200);
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                String text = plainText(multipart.getBodyPart(index));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static void awaitStatus(String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (status.equals(Api.admin().get("/v1/escalations/{id}", id).then().extract().path("status"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("escalation " + id + " did not become " + status);
    }

    private static List<Map<String, Object>> failedEscalations() {
        return Api.admin().get("/v1/escalations?status=failed&limit=200")
                .then().statusCode(200).extract().jsonPath().getList("escalations");
    }

    private static Map<String, Object> awaitFailedEscalationFor(String ticketId) throws InterruptedException {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> escalation : failedEscalations()) {
                if (ticketId.equals(escalation.get("ticketId"))) {
                    return escalation;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no failed escalation for ticket " + ticketId);
    }
}
