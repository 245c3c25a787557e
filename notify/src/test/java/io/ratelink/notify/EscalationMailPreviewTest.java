package io.ratelink.notify;

import io.ratelink.local.Smtp;
import io.ratelink.local.InjectSmtp;
import io.ratelink.local.SmtpServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.ratelink.escalate.RecentScore;
import io.ratelink.notify.Flow.RatedAgent;
import io.ratelink.survey.Scale;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation email as a manager receives it, in each language, with a comment and a recent score. Each received
 * HTML body is also written to {@code target/mail-previews/escalation-<language>.html}, to be looked at in a browser.
 */
@QuarkusTest
@QuarkusTestResource(value = SmtpServerResource.class, restrictToAnnotatedClass = false)
class EscalationMailPreviewTest {

    private static final Path PREVIEWS = Path.of("target", "mail-previews");

    @InjectSmtp
    Smtp smtp;

    @Inject
    KnownRecentScores recentScores;

    @Inject
    Flow flow;

    @ParameterizedTest
    @CsvSource({
            "en, Emma Clarke, ltr, Low rating for Emma Clarke on ticket T-48213, Recent score",
            "zh, 王芳, ltr, 王芳 在工单 T-48213 上收到低分评价, 近期得分",
            "fa, سارا احمدی, rtl, امتیاز پایین برای سارا احمدی در تیکت T-48213, امتیاز اخیر",
            "ro, Ana Popescu, ltr, Evaluare scăzută pentru Ana Popescu la tichetul T-48213, Scor recent"})
    void theEscalationIsWrittenInTheManagersLanguage(String language, String agentName, String dir, String subject,
            String recentScoreLabel) throws Exception {
        RatedAgent agent = flow.agentWithManager(agentName, language);
        recentScores.put(agent.id(), new RecentScore(Scale.CSAT_5, "csat", 78.4, 37, "30d"));

        flow.deliver(agent.event("insert-low-with-comment.json"));

        List<MimeMessage> received = smtp.awaitMessagesTo(agent.manager(), 1, Duration.ofSeconds(10));
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo(subject);
        String html = MailParts.html(mail);
        assertThat(html).contains("dir=\"" + dir + "\"").contains(recentScoreLabel).contains("&lt;b&gt;read&lt;/b&gt;");
        assertThat(MailParts.text(mail)).contains(recentScoreLabel).contains("78%");
        Files.createDirectories(PREVIEWS);
        Files.writeString(PREVIEWS.resolve("escalation-" + language + ".html"), html, StandardCharsets.UTF_8);
    }
}
