package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.SignInLink;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.survey.SigningKeys;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalate function mails the dashboard's sign-in links the HTTP function queues: the link in the language asked
 * in, to the address it is for, and nothing for a link that expired while it waited. It holds no dashboard key.
 */
@QuarkusTest
@TestProfile(EscalateFunctionTest.EscalateFunction.class)
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class SignInMailTaskTest {

    /** A key of the HTTP function's that the escalate function is never given. */
    private final AccessTokens httpFunctionTokens = new AccessTokens(SigningKeys.of("k1",
            Map.of("k1", "a-dashboard-key-only-the-http-function-holds"), "ratelink.dashboard.signing"), Clock.systemUTC());

    @InjectSmtp
    Smtp smtp;

    @Test
    void aQueuedSignInTaskMailsTheLinkInTheLanguageAskedFor() throws Exception {
        String english = StreamEvents.newAddress("lead");
        String persian = StreamEvents.newAddress("modir");
        String inEnglish = link(english, "en", Instant.now().plusSeconds(900));
        String inPersian = link(persian, "fa", Instant.now().plusSeconds(900));

        assertThat(invoke(inEnglish, inPersian)).isEmpty();

        MimeMessage mail = smtp.awaitMessagesTo(english, 1, Duration.ofSeconds(10)).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your sign-in link for the ratelink dashboard");
        assertThat(MailParts.text(mail)).contains("/dashboard/sign-in/" + inEnglish)
                .contains("The link works once, for 15 minutes.");
        assertThat(MailParts.html(mail)).contains("href=\"http://localhost:8080/dashboard/sign-in/" + inEnglish + "\"")
                .doesNotContain("<script");
        MimeMessage persianMail = smtp.awaitMessagesTo(persian, 1, Duration.ofSeconds(10)).get(0);
        assertThat(persianMail.getSubject()).isEqualTo("پیوند ورود شما به داشبورد ratelink");
        assertThat(MailParts.html(persianMail)).contains("dir=\"rtl\"").contains("text-align:right");
    }

    @Test
    void aLinkThatExpiredWhileItWaitedIsNotSent() throws Exception {
        String address = StreamEvents.newAddress("late");

        assertThat(invoke(link(address, "en", Instant.now().minusSeconds(1)))).isEmpty();

        Thread.sleep(500);
        assertThat(smtp.messagesTo(address)).isEmpty();
    }

    @Test
    void aSignInMailTheSmtpServerDidNotAnswerGoesBackToTheQueueAndArrivesOnTheNextTry() throws Exception {
        String address = StreamEvents.newAddress("patient");
        String token = link(address, "en", Instant.now().plusSeconds(900));
        smtp.hang();
        try {
            assertThat(invoke(token)).as("handed back to the queue").hasSize(1);
        } finally {
            smtp.answerNormally();
        }

        assertThat(invoke(token)).isEmpty();
        assertThat(MailParts.text(smtp.awaitMessagesTo(address, 1, Duration.ofSeconds(10)).get(0)))
                .contains("/dashboard/sign-in/" + token);
    }

    private String link(String address, String language, Instant expiresAt) {
        return httpFunctionTokens.mintLink(new SignInLink(address, UUID.randomUUID().toString(), language,
                Optional.empty(), expiresAt));
    }

    private static List<String> invoke(String... tokens) {
        StringBuilder records = new StringBuilder();
        for (String token : tokens) {
            if (records.length() > 0) {
                records.append(',');
            }
            records.append("""
                    {"messageId":"%s","receiptHandle":"r","body":"{\\"kind\\":\\"sign-in\\",\\"subject\\":\\"%s\\",\\"version\\":0}",
                     "attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{},"eventSource":"aws:sqs",
                     "eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:ratelink-prod-escalations","awsRegion":"us-east-1"}"""
                    .formatted(UUID.randomUUID(), token));
        }
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("{\"Records\":[" + records + "]}")
                .when().post()
                .then().statusCode(200)
                .extract().jsonPath().getList("batchItemFailures.itemIdentifier", String.class);
    }
}
