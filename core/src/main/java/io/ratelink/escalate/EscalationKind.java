package io.ratelink.escalate;

/** The two mails of a low-rating episode. */
public enum EscalationKind {
    /** The first mail of an episode: the rating has just moved into the low band. */
    ESCALATION("e"),
    /** A comment the customer added later, sent as a reply in the escalation's thread. */
    FOLLOW_UP("c");

    private final String prefix;

    EscalationKind(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    static EscalationKind ofPrefix(String prefix) {
        for (EscalationKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no escalation kind is written '" + prefix + "'");
    }
}
