package io.ratelink.escalate.mail;

import java.util.List;
import java.util.Optional;

/**
 * What the escalation email templates render, every word already in the recipient's language.
 *
 * @param lang        the HTML {@code lang} of the recipient's language
 * @param dir         {@code ltr} or {@code rtl}
 * @param start       the side lines start on: {@code left}, or {@code right} for a right-to-left language
 * @param end         the other side
 * @param fontFamily  a font stack that has the language's glyphs
 * @param separator   what stands between a label and its value, e.g. {@code ": "} or {@code "："}
 * @param followUp    whether this is a comment's reply in the escalation's thread
 * @param scoreChange for a follow-up: whether the customer has changed the score since the escalation
 * @param details     ticket, agent, time, survey language and, when known, the agent's recent score
 * @param ticketLink  the button to the ticket in the helpdesk, when a helpdesk link is configured
 * @param ratingLink  the link to the rating's page in the dashboard (which asks to sign in first where needed)
 * @param notes       why the email went to the fallback address, when it did
 */
public record EscalationView(
        String lang,
        String dir,
        String start,
        String end,
        String fontFamily,
        String separator,
        boolean followUp,
        String subject,
        String title,
        String intro,
        ScoreView score,
        Optional<String> scoreChange,
        CommentView comment,
        List<Detail> details,
        Optional<Link> ticketLink,
        Link ratingLink,
        List<String> notes,
        String footer) {

    /**
     * The answer as the customer saw it.
     *
     * @param points every option of the scale, the customer's marked {@code chosen}
     * @param text   the answer in words: symbol and label, or the point on its scale
     */
    public record ScoreView(String label, String questionLabel, String question, List<Point> points, String text,
            boolean pictorial, boolean stars) {
    }

    /** One option of the scale as the widget showed it. */
    public record Point(String symbol, String label, boolean chosen) {
    }

    /**
     * The customer's comment, a line per entry, escaped by the HTML template like any other value.
     *
     * @param empty what to say when there is none
     */
    public record CommentView(String label, List<String> lines, String empty) {

        public boolean present() {
            return !lines.isEmpty();
        }
    }

    /** One row of the facts table; {@code url} makes the value a link. */
    public record Detail(String label, String value, Optional<String> url) {
    }

    public record Link(String text, String url) {
    }
}
