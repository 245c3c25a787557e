package io.ratelink.rating;

import java.time.Instant;

/**
 * One request on a rating link, as kept in the survey's recent click log.
 *
 * @param at       when it arrived
 * @param score    the answer it chose
 * @param client   what kind of client sent it, from its user agent
 * @param method   {@code GET} for a click in the email, {@code POST} for an answer given on the page
 */
public record Click(Instant at, int score, ClientKind client, String method) {

    /** A click on a link in the email, as opposed to an answer given on the page. */
    public boolean isLinkClick() {
        return "GET".equals(method);
    }
}
