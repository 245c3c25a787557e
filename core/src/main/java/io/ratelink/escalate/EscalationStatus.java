package io.ratelink.escalate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where one escalation email stands. */
public enum EscalationStatus {
    /** Claimed by an invocation that is sending it now (or died doing so, once its claim has expired). */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Every try failed: kept to be listed and replayed. */
    FAILED;

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EscalationStatus fromAttribute(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Reads {@code sending}, {@code sent} or {@code failed}; empty for anything else. */
    public static Optional<EscalationStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.attributeValue().equals(value)).findFirst();
    }
}
