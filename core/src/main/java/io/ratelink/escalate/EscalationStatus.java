package io.ratelink.escalate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where one escalation email stands. */
public enum EscalationStatus {
    /** Claimed by an invocation that will send it; nothing has been handed to the SMTP server yet. */
    CLAIMED,
    /** Handed to the SMTP server by an invocation that has not recorded the answer yet. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Refused on every try, or nobody to send it to: kept to be listed and replayed. */
    FAILED,
    /** No answer from the SMTP server in time, or its sender died mid-send: it may have been delivered, so only a person replays it. */
    UNKNOWN,
    /** Held back by the manager's hourly limit: kept to be listed and replayed, and counted in the next email. */
    HELD;

    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EscalationStatus fromAttribute(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Reads an attribute value such as {@code failed}; empty for anything else. */
    public static Optional<EscalationStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.attributeValue().equals(value)).findFirst();
    }

    /** Whether a person may send it again: it was never sent, or nobody knows whether it was. */
    public boolean isReplayable() {
        return this == FAILED || this == UNKNOWN || this == HELD;
    }

    /** Whether an invocation is (or was, until its claim ran out) working on it. */
    public boolean isInFlight() {
        return this == CLAIMED || this == SENDING;
    }
}
