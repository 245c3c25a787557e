package io.ratelink.escalate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one escalation email: the survey, which kind of mail, and the rating's version it is about (the version at
 * which the rating entered the low band for an escalation, the version carrying the comment for a follow-up). The
 * same stream record always names the same email, which is what makes a redelivery find it already sent.
 *
 * <p>Written {@code <surveyId>.<kind><version>}, e.g. {@code Zm9vYmFy.e000000000003}, in the API's URLs.
 */
public record EscalationId(String surveyId, EscalationKind kind, long version) {

    private static final Pattern MAIL_KEY = Pattern.compile("([ec])(\\d{12})");

    public EscalationId {
        if (surveyId == null || surveyId.isEmpty()) {
            throw new IllegalArgumentException("an escalation needs a survey id");
        }
        if (version < 0 || version > 999_999_999_999L) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
    }

    public static EscalationId episode(String surveyId, long version) {
        return new EscalationId(surveyId, EscalationKind.ESCALATION, version);
    }

    public static EscalationId followUp(String surveyId, long version) {
        return new EscalationId(surveyId, EscalationKind.FOLLOW_UP, version);
    }

    /** The sort key within the survey: kind and zero-padded version, so that keys sort by version. */
    public String mailKey() {
        return mailKey(kind, version);
    }

    static String mailKey(EscalationKind kind, long version) {
        return kind.prefix() + String.format("%012d", version);
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
    static Optional<EscalationId> fromKeys(String surveyId, String mailKey) {
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
