package io.ratelink.escalate.mail;

import io.ratelink.escalate.Agent;
import io.ratelink.escalate.Escalation;
import io.ratelink.escalate.EscalationKind;
import io.ratelink.escalate.LowRating;
import io.ratelink.escalate.RecentScore;
import io.ratelink.escalate.Recipient;
import io.ratelink.survey.Messages;
import io.ratelink.survey.Scale;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words an escalation email in the recipient's language, from the message bundles: the score as the customer saw
 * it, the question, the comment, the ticket, the agent, the time and the agent's recent score.
 */
public final class EscalationViews {

    private static final int MAX_SUBJECT_PART = 80;

    /** Where a rating's page in the dashboard is, under the public base address. */
    public static final String DASHBOARD_RATING_PATH = "/dashboard/ratings/";

    private final TicketLinks ticketLinks;
    private final ZoneId zone;
    private final String baseUrl;

    /**
     * @param baseUrl the public address the dashboard is served from ({@code ratelink.base-url})
     */
    public EscalationViews(TicketLinks ticketLinks, ZoneId zone, String baseUrl) {
        this.ticketLinks = ticketLinks;
        this.zone = zone;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param escalation the escalation or follow-up to word
     * @param recipient  who it goes to, in which language, and why
     * @param recent     the agent's recent score, when the scores table has one
     */
    public EscalationView of(Escalation escalation, Recipient recipient, Optional<RecentScore> recent) {
        Messages messages = Messages.forTag(recipient.locale());
        LowRating rating = escalation.rating();
        boolean followUp = escalation.kind() == EscalationKind.FOLLOW_UP;
        String agentName = recipient.agent().map(Agent::name).orElse(rating.agentId());
        boolean rtl = messages.isRightToLeft();

        String subject = subject(messages, agentName, rating.ticketId());
        List<EscalationView.Detail> details = new ArrayList<>();
        Optional<String> ticketUrl = ticketLinks.forTicket(rating.ticketId());
        details.add(new EscalationView.Detail(messages.get("escalation.ticket"), rating.ticketId(), ticketUrl));
        details.add(new EscalationView.Detail(messages.get("escalation.agent"), agentName, Optional.empty()));
        details.add(new EscalationView.Detail(messages.get(followUp ? "escalation.commentedAt" : "escalation.ratedAt"),
                time(messages, rating.ratedAt()), Optional.empty()));
        details.add(new EscalationView.Detail(messages.get("escalation.surveyLanguage"),
                Messages.forTag(rating.surveyLocale()).get("lang.name"), Optional.empty()));
        recent.ifPresent(score -> details.add(new EscalationView.Detail(messages.get("escalation.recentScore"),
                recentScore(messages, score), Optional.empty())));

        return new EscalationView(
                messages.htmlLang(),
                messages.dir(),
                rtl ? "right" : "left",
                rtl ? "left" : "right",
                messages.get("mail.fontFamily"),
                messages.get("mail.labelSeparator"),
                followUp,
                followUp ? messages.get("escalation.replySubject", subject) : subject,
                followUp ? messages.get("escalation.followUp.title") : messages.get("escalation.title", agentName),
                messages.get(followUp ? "escalation.followUp.intro" : "escalation.intro", rating.ticketId()),
                score(messages, rating.scale(), rating.score()),
                followUp ? Optional.of(scoreChange(messages, rating.scale(), escalation.escalatedScore(), rating.score()))
                        : Optional.empty(),
                new EscalationView.CommentView(messages.get("escalation.comment"),
                        rating.comment().map(EscalationViews::lines).orElse(List.of()),
                        messages.get("escalation.noComment")),
                List.copyOf(details),
                ticketUrl.map(url -> new EscalationView.Link(messages.get("escalation.openTicket", rating.ticketId()), url)),
                new EscalationView.Link(messages.get("dashboard.signin.escalation.openRating"), ratingUrl(rating.surveyId())),
                notes(messages, recipient, rating.agentId(), escalation.heldBack()),
                messages.get("escalation.footer"));
    }

    /** The rating's page in the dashboard; the survey id is base64url, safe in a path as it is. */
    private String ratingUrl(String surveyId) {
        return baseUrl + DASHBOARD_RATING_PATH + URLEncoder.encode(surveyId, StandardCharsets.UTF_8);
    }

    /** The subject of an episode's escalation, which its follow-ups answer. Made of the agent's name and the ticket id only. */
    static String subject(Messages messages, String agentName, String ticketId) {
        return messages.get("escalation.subject", headerSafe(agentName), headerSafe(ticketId));
    }

    private static EscalationView.ScoreView score(Messages messages, Scale scale, int score) {
        List<EscalationView.Point> points = scale.points().stream()
                .map(point -> new EscalationView.Point(scale.symbol(point), messages.label(scale, point), point == score))
                .toList();
        return new EscalationView.ScoreView(messages.get("escalation.score"), messages.get("escalation.question"),
                messages.question(scale), points, answerText(messages, scale, score), scale.isPictorial(),
                scale.isStars());
    }

    /** The answer in words: the symbol and its label for faces and stars, the point on its scale for numbers. */
    static String answerText(Messages messages, Scale scale, int score) {
        String label = messages.label(scale, score);
        if (scale.isPictorial()) {
            return scale.symbol(score) + " " + label;
        }
        String onScale = messages.get("escalation.scoreOnScale", Integer.toString(score), Integer.toString(scale.min()),
                Integer.toString(scale.max()));
        return label.equals(Integer.toString(score)) ? onScale : onScale + " – " + label;
    }

    private static String scoreChange(Messages messages, Scale scale, Optional<Integer> escalated, int now) {
        if (escalated.isEmpty() || escalated.get() == now) {
            return messages.get("escalation.scoreUnchanged", answerText(messages, scale, now));
        }
        return messages.get("escalation.scoreChanged", answerText(messages, scale, escalated.get()),
                answerText(messages, scale, now));
    }

    private static List<String> notes(Messages messages, Recipient recipient, String agentId, int heldBack) {
        List<String> notes = new ArrayList<>();
        switch (recipient.route()) {
            case MANAGER -> {
            }
            case FALLBACK_NO_MANAGER -> notes.add(messages.get("escalation.fallback.noManager",
                    recipient.agent().map(Agent::name).orElse(agentId), agentId));
            case FALLBACK_UNKNOWN_AGENT -> notes.add(messages.get("escalation.fallback.unknownAgent", agentId));
        }
        if (heldBack > 0) {
            notes.add(messages.get("escalation.heldBack", Integer.toString(heldBack)));
        }
        return List.copyOf(notes);
    }

    private String time(Messages messages, Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(messages.htmlLang()))
                .withZone(zone)
                .format(at) + " (" + zone.getId() + ")";
    }

    private static String recentScore(Messages messages, RecentScore score) {
        return messages.get("escalation.recentScore.value", messages.get("metric." + score.metric()),
                formatMetric(score), messages.get("window." + score.window()), Long.toString(score.n()));
    }

    private static String formatMetric(RecentScore score) {
        String metric = score.metric();
        if (metric.equals("nps")) {
            return String.format(Locale.ROOT, "%+.0f", score.value());
        }
        if (metric.equals("csat") || metric.equals("pmf") || metric.endsWith("Pct")) {
            return String.format(Locale.ROOT, "%.0f%%", score.value());
        }
        return String.format(Locale.ROOT, "%.1f", score.value());
    }

    private static List<String> lines(String comment) {
        return List.of(comment.strip().split("\\R", -1));
    }

    /** Control characters out and a bounded length: a subject is a header, and stays one line. */
    private static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .limit(MAX_SUBJECT_PART)
                .forEach(safe::appendCodePoint);
        return safe.toString().strip();
    }
}
