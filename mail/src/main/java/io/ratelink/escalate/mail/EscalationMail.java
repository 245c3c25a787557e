package io.ratelink.escalate.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationComposer;
import io.ratelink.escalate.RecentScore;
import io.ratelink.escalate.Recipient;
import java.util.Optional;

/**
 * The escalation email and its follow-ups: Qute type-safe templates ({@code templates/EscalationMail/escalation.html}
 * and {@code .txt}), in the recipient's language, with headers that thread them.
 *
 * <p>Headers carry only the recipient's address, a subject made of the agent's name and the ticket id, and
 * Message-IDs made by {@link MessageIds}: nothing the customer typed.
 */
public class EscalationMail implements EscalationComposer<MailTemplateInstance> {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance escalation(EscalationView view);
    }

    private final EscalationViews views;

    public EscalationMail(EscalationViews views) {
        this.views = views;
    }

    /** The email, ready to send: recipient, subject, thread headers, and an HTML and a text body. */
    @Override
    public MailTemplateInstance compose(Escalation escalation, Recipient recipient, Optional<RecentScore> recent) {
        EscalationView view = views.of(escalation, recipient, recent);
        Mail headers = new Mail()
                .addHeader("Message-ID", escalation.messageId())
                .addHeader("Auto-Submitted", "auto-generated")
                .addHeader("X-Auto-Response-Suppress", "All");
        escalation.inReplyTo().ifPresent(parent -> headers
                .addHeader("In-Reply-To", parent)
                .addHeader("References", parent));
        return Templates.escalation(view).mail(headers).to(recipient.address()).subject(view.subject());
    }
}
