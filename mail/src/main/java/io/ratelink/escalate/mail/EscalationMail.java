package io.ratelink.escalate.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.delivery.mail.Email;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationComposer;
import io.ratelink.escalate.RecentScore;
import io.ratelink.escalate.Recipient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation email and its follow-ups: Qute type-safe templates ({@code templates/EscalationMail/escalation.html}
 * and {@code .txt}), in the recipient's language, with headers that thread them.
 *
 * <p>Headers carry only the recipient's address, a subject made of the agent's name and the ticket id, and
 * Message-IDs made by {@link MessageIds}: nothing the customer typed.
 */
public class EscalationMail implements EscalationComposer<Email> {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance escalation(EscalationView view);
    }

    private final EscalationViews views;

    public EscalationMail(EscalationViews views) {
        this.views = views;
    }

    /** The email, ready to send: recipient, subject, thread headers, and an HTML and a text body. */
    @Override
    public Email compose(Escalation escalation, Recipient recipient, Optional<RecentScore> recent) {
        EscalationView view = views.of(escalation, recipient, recent);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", escalation.messageId());
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("X-Auto-Response-Suppress", "All");
        escalation.inReplyTo().ifPresent(parent -> {
            headers.put("In-Reply-To", parent);
            headers.put("References", parent);
        });
        return Email.rendered(Templates.escalation(view), recipient.address(), view.subject(), headers);
    }
}
