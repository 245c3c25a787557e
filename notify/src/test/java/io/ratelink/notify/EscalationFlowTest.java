package io.ratelink.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.EscalationId;
import io.ratelink.escalate.EscalationStatus;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.Smtp;
import io.ratelink.local.SmtpServerResource;
import io.ratelink.notify.Flow.RatedAgent;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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
    EscalationStore escalations;

    @Inject
    Flow flow;

    @BeforeEach
    void cleanStart() {
        flow.reset();
    }

    @Test
    void oneLowClickSendsOneMailToTheManagerWithSubjectThreadHeadersAndBody() throws Exception {
        RatedAgent agent = flow.agentWithManager("Ana Popescu");

        assertThat(flow.stream(agent.event("insert-low-click.json"))).isEmpty();
        assertThat(smtp.messagesTo(agent.manager())).as("nothing before the rating has settled").isEmpty();
        flow.settle();

        List<MimeMessage> received = smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT);
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
        assertThat(escalations.find(EscalationId.first(agent.surveyId())).orElseThrow().status()).isEqualTo(EscalationStatus.SENT);
    }

    @Test
    void aCommentWithinTheSettleWindowGoesIntoTheOneEmailHoweverOftenTheBatchIsDelivered() throws Exception {
        RatedAgent agent = flow.agentWithManager("Ben Okafor");
        String batch = agent.event("batch-click-then-comment.json");

        assertThat(flow.stream(batch)).isEmpty();
        assertThat(flow.stream(batch)).isEmpty();
        flow.settle();
        assertThat(flow.stream(batch)).isEmpty();
        flow.settle();

        List<MimeMessage> received = smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT);
        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).hasSize(1);
        assertThat(MailParts.text(received.get(0))).contains("> The reset link you sent still does not work");
        assertThat(escalations.thread(agent.surveyId())).singleElement()
                .satisfies(email -> assertThat(email.status()).isEqualTo(EscalationStatus.SENT));
    }

    @Test
    void aLaterCommentArrivesAsAThreadedReplySayingTheScoreIsUnchanged() throws Exception {
        RatedAgent agent = flow.agentWithManager("Chen Wei");

        flow.deliver(agent.event("insert-low-click.json"));
        MimeMessage escalation = smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT).get(0);
        flow.deliver(agent.event("modify-comment-same-score.json"));
        List<MimeMessage> received = smtp.awaitMessagesTo(agent.manager(), 2, MAIL_WAIT);

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
        RatedAgent agent = flow.agentWithManager("Dana Levi");

        flow.deliver(agent.event("insert-low-click.json"));
        smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT);
        flow.deliver(agent.event("modify-comment-changed-score.json"));

        List<MimeMessage> received = smtp.awaitMessagesTo(agent.manager(), 2, MAIL_WAIT);
        assertThat(received).hasSize(2);
        assertThat(received.stream().map(MailParts::text))
                .anySatisfy(text -> assertThat(text)
                        .contains("The customer has changed the score since the escalation, from ★★ Dissatisfied to ★ Very dissatisfied.")
                        .contains("> Still locked out. Lowering my rating."));
    }

    @Test
    void aRatingThatLeavesTheLowBandBeforeItSettlesSendsNothing() throws Exception {
        RatedAgent agent = flow.agentWithManager("Eva Novak");

        assertThat(flow.stream(agent.event("insert-low-click.json"))).isEmpty();
        assertThat(flow.stream(agent.event("modify-leaves-low-band.json"))).isEmpty();
        flow.settle();

        Thread.sleep(300);
        assertThat(smtp.messagesTo(agent.manager())).isEmpty();
        assertThat(escalations.thread(agent.surveyId())).isEmpty();
    }

    @Test
    void anAgentWithoutAManagerEscalatesToTheFallbackAddressAndSaysWhy() throws Exception {
        RatedAgent agent = flow.agentWithoutManager("Farid Karimi", "fa");

        flow.deliver(agent.event("insert-low-click.json"));

        List<MimeMessage> received = waitForMailMentioning("support-leads@ratelink.test", agent.id());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("امتیاز پایین برای Farid Karimi در تیکت T-48213");
        assertThat(MailParts.html(received.get(0))).contains("<html lang=\"fa\" dir=\"rtl\">");
        assertThat(MailParts.text(received.get(0)))
                .contains("برای Farid Karimi مدیری ثبت نشده است")
                .contains("PUT /v1/agents/" + agent.id());
    }

    @Test
    void anAgentNotOnFileEscalatesToTheFallbackAddressInTheFallbackLanguage() throws Exception {
        RatedAgent agent = flow.agentNotOnFile();

        flow.deliver(agent.event("insert-low-click.json"));

        List<MimeMessage> received = waitForMailMentioning("support-leads@ratelink.test", agent.id());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Low rating for " + agent.id() + " on ticket T-48213");
        assertThat(MailParts.text(received.get(0)))
                .contains("Agent " + agent.id() + " is not on file, so this went to the fallback address.");
    }

    @Test
    void markupInACommentIsEscapedInTheHtmlAndKeptAsTypedInTheText() throws Exception {
        RatedAgent agent = flow.agentWithManager("Gil Amar");

        flow.deliver(agent.event("insert-low-with-markup-comment.json"));

        MimeMessage mail = smtp.awaitMessagesTo(agent.manager(), 1, MAIL_WAIT).get(0);
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
