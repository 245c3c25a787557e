package io.ratelink.rating;

/** What sent a request, judged from its user agent alone. */
public enum ClientKind {
    /** An ordinary browser. */
    BROWSER,
    /**
     * A browser whose version is years old. Mail scanners that pose as a browser send such user agents (Safe Links:
     * {@code Chrome/72.0.3626.109}); a few people still use one, so it is weak evidence, never enough alone.
     */
    OLD_BROWSER,
    /** A link preview or unfurler (Outlook, Slack, Teams): fetches to show a card, never a person's answer. */
    PREVIEW,
    /** A mail security scanner or automated fetcher identifying itself. */
    SCANNER,
    /** No user agent at all. */
    NONE;

    /** Whether the user agent alone says that no person sent the request. */
    public boolean identifiesMachine() {
        return this == PREVIEW || this == SCANNER || this == NONE;
    }
}
