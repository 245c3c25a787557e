package io.ratelink.survey.mail;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.ratelink.survey.Messages;
import io.ratelink.survey.MintedSurvey;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An example support email: a ticket-solved reply with the rating widget under the agent's text, in the
 * survey's language. Helpdesks copy it as a starting point; the demo page shows it.
 */
@ApplicationScoped
public class SupportEmail {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ticketSolved(SupportEmailView email);

        static native TemplateInstance ticketSolvedText(SupportEmailView email);
    }

    /** What the example needs: who writes to whom about which ticket, and the minted survey. */
    public record Ticket(String ticketId, String subject, String customerName, String agentName, String companyName) {
    }

    /** The rendered email, HTML and plain text, with its subject. */
    public record Rendered(String subject, String html, String text) {
    }

    public Rendered ticketSolved(Ticket ticket, MintedSurvey survey) {
        Messages msg = Messages.forTag(survey.locale());
        SupportEmailView view = new SupportEmailView(msg, ticket, survey);
        return new Rendered(view.subject(), Templates.ticketSolved(view).render(), Templates.ticketSolvedText(view).render());
    }

    /** The example's data as its templates read it. */
    public record SupportEmailView(Messages msg, Ticket ticket, MintedSurvey survey) {

        public String subject() {
            return msg.get("example.subject", ticket.ticketId(), ticket.subject());
        }

        public String greeting() {
            return msg.get("example.greeting", ticket.customerName());
        }

        public String solved() {
            return msg.get("example.solved", ticket.ticketId());
        }

        public String align() {
            return msg.isRightToLeft() ? "right" : "left";
        }
    }
}
