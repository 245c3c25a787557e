package io.ratelink.rating;

/** What sent a request, judged from its user agent alone. */
public enum ClientKind {
    /** An ordinary browser. */
    BROWSER,
    /** A link preview or unfurler (Outlook, Slack, Teams): fetches to show a card, never a person's answer. */
    PREVIEW,
    /** A mail security scanner or automated fetcher identifying itself. */
    SCANNER,
    /** No user agent at all. */
    NONE
}
