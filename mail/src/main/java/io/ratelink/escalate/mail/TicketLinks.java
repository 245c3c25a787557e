package io.ratelink.escalate.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Links to a ticket in the helpdesk, from a configured pattern such as {@code https://support.example.com/tickets/{ticketId}}. */
public final class TicketLinks {

    public static final String PLACEHOLDER = "{ticketId}";

    private final Optional<String> pattern;

    /**
     * @param pattern an http(s) address containing {@value #PLACEHOLDER}; empty for a helpdesk that cannot be linked
     * @throws IllegalArgumentException for a pattern that is not an http(s) address with the placeholder
     */
    public TicketLinks(Optional<String> pattern) {
        this.pattern = pattern.map(String::strip).filter(text -> !text.isEmpty());
        this.pattern.ifPresent(text -> {
            if (!(text.startsWith("https://") || text.startsWith("http://")) || !text.contains(PLACEHOLDER)) {
                throw new IllegalArgumentException("ratelink.helpdesk.ticket-url must be an http(s) address containing "
                        + PLACEHOLDER + ", got '" + text + "'");
            }
        });
    }

    /** The ticket's address, the id URL-encoded so that it cannot leave its path segment. */
    public Optional<String> forTicket(String ticketId) {
        return pattern.map(text -> text.replace(PLACEHOLDER,
                URLEncoder.encode(ticketId, StandardCharsets.UTF_8).replace("+", "%20")));
    }
}
