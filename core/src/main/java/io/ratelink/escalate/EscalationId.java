package io.ratelink.escalate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one escalation email: the survey, which kind of mail, and its place in the survey's thread (0 for the
 * escalation, 1, 2 … for the follow-ups). Two invocations deciding the survey's next email name the same one, which
 * is what lets exactly one of them claim it.
 *
 * <p>Written {@code <surveyId>.<kind><position>}, e.g. {@code Zm9vYmFy.e000000000000}, in the API's URLs.
 */
public record EscalationId(String surveyId, EscalationKind kind, long position) {

    private static final Pattern MAIL_KEY = Pattern.compile("([ec])(\\d{12})");

    public EscalationId {
        if (surveyId == null || surveyId.isEmpty()) {
            throw new IllegalArgumentException("an escalation needs a survey id");
        }
        if (position < 0 || position > 999_999_999_999L) {
            throw new IllegalArgumentException("position out of range: " + position);
        }
    }

    /** The first email of a survey's thread. */
    public static EscalationId first(String surveyId) {
        return new EscalationId(surveyId, EscalationKind.ESCALATION, 0);
    }

    /** The email at {@code position} (1 or more) of a survey's thread: a follow-up. */
    public static EscalationId followUp(String surveyId, long position) {
        return new EscalationId(surveyId, EscalationKind.FOLLOW_UP, position);
    }

    /** The sort key within the survey: kind and zero-padded position. */
    public String mailKey() {
        return kind.prefix() + String.format("%012d", position);
    }

    public String format() {
        return surveyId + "." + mailKey();
    }

    /** Reads what {@link #format()} writes; empty for anything else. */
    public static Optional<EscalationId> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        int dot = written.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return fromKeys(written.substring(0, dot), written.substring(dot + 1));
    }

    /** From the table's partition and sort keys. */
    public static Optional<EscalationId> fromKeys(String surveyId, String mailKey) {
        Matcher key = MAIL_KEY.matcher(mailKey);
        if (!key.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EscalationId(surveyId, EscalationKind.ofPrefix(key.group(1)), Long.parseLong(key.group(2))));
    }

    @Override
    public String toString() {
        return format();
    }
}
