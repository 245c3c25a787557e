package io.ratelink.notify;

import io.ratelink.local.Smtp;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.SmtpServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.Agent;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerDirectory;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notify and escalate functions, driven by DynamoDB Streams events and SQS batches as AWS sends them, against
 * DynamoDB Local, the queue engine and GreenMail.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class EscalationFlowTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

    @InjectSmtp
    Smtp smtp;

    @Inject
    ManagerDirectory directory;

    @Inject
    EscalationStore escalations;

    @Inject
    Flow flow;

    @BeforeEach
    void cleanStart() {
        flow.reset();
    }

    @Test
    void oneLowClickSendsOneMailToTheManagerWithSubjectThreadHeadersAndBody() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Ana Popescu", "ana@example.com", Optional.of(manager), "en"));

        assertThat(flow.stream(StreamEvents.fixture("insert-low-click.json", surveyId, agentId))).isEmpty();
        assertThat(smtp.messagesTo(manager)).as("nothing before the rating has settled").isEmpty();
        flow.settle();

        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Low rating for Ana Popescu on ticket T-48213");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("ratelink@ratelink.test");
        assertThat(mail.getHeader("Message-ID")[0]).matches("<[0-9a-f]{32}\\.escalation@ratelink\\.test>");
        assertThat(mail.getHeader("In-Reply-To")).isNull();
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        String text = MailParts.text(mail);
        assertThat(text)
                .contains("A customer gave Ana Popescu a low rating")
                .contains("Their answer: ★★ Dissatisfied")
                .contains("Question: How satisfied are you with the support you received?")
                .contains("Ticket: T-48213 <https://support.example.com/tickets/T-48213>")
                .contains("Agent: Ana Popescu")
                .contains("Rated: Nov 20, 2025, 12:12 PM (UTC)")
                .contains("Survey language: English")
                .contains("No comment yet.")
                .doesNotContain("Recent score");
        String html = MailParts.html(mail);
        assertThat(html)
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("href=\"https://support.example.com/tickets/T-48213\"")
                .contains("Open ticket T-48213");
        assertThat(escalations.find(EscalationId.first(surveyId)).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }

    @Test
    void aCommentWithinTheSettleWindowGoesIntoTheOneEmailHoweverOftenTheBatchIsDelivered() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Ben Okafor", "ben@example.com", Optional.of(manager), "en"));
        String batch = StreamEvents.fixture("batch-click-then-comment.json", surveyId, agentId);

        assertThat(flow.stream(batch)).isEmpty();
        assertThat(flow.stream(batch)).isEmpty();
        flow.settle();
        assertThat(flow.stream(batch)).isEmpty();
        flow.settle();

        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(manager)).hasSize(1);
        assertThat(MailParts.text(received.get(0))).contains("> The reset link you sent still does not work");
        assertThat(escalations.thread(surveyId)).singleElement()
                .satisfies(email -> assertThat(email.status()).isEqualTo(EscalationStatus.SENT));
    }

    @Test
    void aLaterCommentArrivesAsAThreadedReplySayingTheScoreIsUnchanged() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Chen Wei", "chen@example.com", Optional.of(manager), "en"));

        flow.deliver(StreamEvents.fixture("insert-low-click.json", surveyId, agentId));
        MimeMessage escalation = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT).get(0);
        flow.deliver(StreamEvents.fixture("modify-comment-same-score.json", surveyId, agentId));
        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 2, MAIL_WAIT);

        assertThat(received).hasSize(2);
        MimeMessage reply = received.stream().filter(mail -> mail != escalation
                && !MailParts.messageId(mail).equals(MailParts.messageId(escalation))).findFirst().orElseThrow();
        assertThat(reply.getSubject()).isEqualTo("Re: " + escalation.getSubject());
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo(MailParts.messageId(escalation));
        assertThat(reply.getHeader("References")[0]).isEqualTo(MailParts.messageId(escalation));
        assertThat(MailParts.messageId(reply)).matches("<[0-9a-f]{32}\\.follow-up@ratelink\\.test>");
        assertThat(MailParts.text(reply))
                .contains("The customer added a comment")
                .contains("The score is unchanged since the escalation: ★★ Dissatisfied.")
                .contains("> The reset link you sent still does not work, and I have been locked out since Monday.")
                .contains("> I need access before Friday's payroll run.")
                .contains("Commented: Nov 20, 2025, 12:16 PM (UTC)");
    }

    @Test
    void aCommentWithALowerScoreSaysTheScoreChanged() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Dana Levi", "dana@example.com", Optional.of(manager), "en"));

        flow.deliver(StreamEvents.fixture("insert-low-click.json", surveyId, agentId));
        smtp.awaitMessagesTo(manager, 1, MAIL_WAIT);
        flow.deliver(StreamEvents.fixture("modify-comment-changed-score.json", surveyId, agentId));

        List<MimeMessage> received = smtp.awaitMessagesTo(manager, 2, MAIL_WAIT);
        assertThat(received).hasSize(2);
        assertThat(received.stream().map(MailParts::text))
                .anySatisfy(text -> assertThat(text)
                        .contains("The customer has changed the score since the escalation, from ★★ Dissatisfied to ★ Very dissatisfied.")
                        .contains("> Still locked out. Lowering my rating."));
    }

    @Test
    void aRatingThatLeavesTheLowBandBeforeItSettlesSendsNothing() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Eva Novak", "eva@example.com", Optional.of(manager), "en"));

        assertThat(flow.stream(StreamEvents.fixture("insert-low-click.json", surveyId, agentId))).isEmpty();
        assertThat(flow.stream(StreamEvents.fixture("modify-leaves-low-band.json", surveyId, agentId))).isEmpty();
        flow.settle();

        Thread.sleep(300);
        assertThat(smtp.messagesTo(manager)).isEmpty();
        assertThat(escalations.thread(surveyId)).isEmpty();
    }

    @Test
    void anAgentWithoutAManagerEscalatesToTheFallbackAddressAndSaysWhy() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        directory.save(new Agent(agentId, "Farid Karimi", "farid@example.com", Optional.empty(), "fa"));

        flow.deliver(StreamEvents.fixture("insert-low-click.json", surveyId, agentId));

        List<MimeMessage> received = waitForMailMentioning("support-leads@ratelink.test", agentId);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("امتیاز پایین برای Farid Karimi در تیکت T-48213");
        assertThat(MailParts.html(received.get(0))).contains("<html lang=\"fa\" dir=\"rtl\">");
        assertThat(MailParts.text(received.get(0)))
                .contains("برای Farid Karimi مدیری ثبت نشده است")
                .contains("PUT /v1/agents/" + agentId);
    }

    @Test
    void anAgentNotOnFileEscalatesToTheFallbackAddressInTheFallbackLanguage() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();

        flow.deliver(StreamEvents.fixture("insert-low-click.json", surveyId, agentId));

        List<MimeMessage> received = waitForMailMentioning("support-leads@ratelink.test", agentId);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Low rating for " + agentId + " on ticket T-48213");
        assertThat(MailParts.text(received.get(0)))
                .contains("Agent " + agentId + " is not on file, so this went to the fallback address.");
    }

    @Test
    void markupInACommentIsEscapedInTheHtmlAndKeptAsTypedInTheText() throws Exception {
        String surveyId = StreamEvents.newSurveyId();
        String agentId = StreamEvents.newAgentId();
        String manager = StreamEvents.newAddress("manager");
        directory.save(new Agent(agentId, "Gil Amar", "gil@example.com", Optional.of(manager), "en"));

        flow.deliver(StreamEvents.fixture("insert-low-with-markup-comment.json", surveyId, agentId));

        MimeMessage mail = smtp.awaitMessagesTo(manager, 1, MAIL_WAIT).get(0);
        String html = MailParts.html(mail);
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("<b>Nobody</b>")
                .doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &lt;b&gt;Nobody&lt;/b&gt; called me back &amp; I&#39;m &quot;annoyed&quot;")
                .contains("<br>Second line: &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;");
        assertThat(MailParts.text(mail))
                .contains("> <script>alert('owned')</script> <b>Nobody</b> called me back & I'm \"annoyed\"");
        assertThat(mail.getSubject()).doesNotContain("<").doesNotContain("annoyed");
    }

    private List<MimeMessage> waitForMailMentioning(String address, String text) throws InterruptedException {
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        List<MimeMessage> found = List.of();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = smtp.messagesTo(address).stream().filter(mail -> MailParts.text(mail).contains(text)).toList();
        }
        return found;
    }
}
