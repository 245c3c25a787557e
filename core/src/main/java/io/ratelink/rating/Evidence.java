package io.ratelink.rating;

/**
 * One reason to think a click was not a person's. A held rating's status reason lists them, e.g.
 * {@code old-browser (Chrome/ <100); soon-after-sending (43 s)}.
 *
 * @param signal what was seen
 * @param detail what exactly, for a support lead reading the reason; may be empty
 */
public record Evidence(Signal signal, String detail) {

    public enum Signal {
        /** A mail scanner's or automated fetcher's user agent. */
        SCANNER_AGENT("scanner-agent", true),
        /** A link preview's user agent. */
        PREVIEW_AGENT("preview-agent", true),
        /** No user agent at all. */
        NO_USER_AGENT("no-user-agent", true),
        /** Clicks in the email on different options of one survey faster than a person clicks, and those near them. */
        BURST("burst", true),
        /** A browser version years out of date. */
        OLD_BROWSER("old-browser", false),
        /** An address in a mail filtering service's network. */
        FILTER_NETWORK("mail-filter-network", false),
        /** A click sooner after the links were minted than people usually read their mail. */
        SOON_AFTER_SENDING("soon-after-sending", false);

        private final String code;
        private final boolean holdsAlone;

        Signal(String code, boolean holdsAlone) {
            this.code = code;
            this.holdsAlone = holdsAlone;
        }

        /** The stable name the status reason uses. */
        public String code() {
            return code;
        }

        /** Strong evidence holds a click alone; weak evidence only together with more. */
        public boolean holdsAlone() {
            return holdsAlone;
        }
    }

    public String describe() {
        return detail.isEmpty() ? signal.code() : signal.code() + " (" + detail + ")";
    }
}
