package io.ratelink.survey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticket a survey is about, as its links carry it and its rating keeps it: the language of its pages, the
 * ticket, the agent and team who worked it, the support tool's customer reference, and when the links were minted.
 *
 * @param locale      {@code l}: the language of the survey's pages
 * @param ticketId    {@code t}
 * @param agentId     {@code a}
 * @param teamId      {@code tm}
 * @param customerRef {@code c}: an opaque reference chosen by the support tool, never an address or a name
 * @param issuedAt    {@code iat}: when the links were minted; empty for a link minted elsewhere without it
 */
public record SurveyContext(String locale, String ticketId, String agentId, String teamId, String customerRef,
        Optional<Instant> issuedAt) {

    public SurveyContext {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(customerRef, "customerRef");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** What holds a survey's context (a link's claims, a stored rating), read as if its parts were its own. */
    public interface Held {

        SurveyContext context();

        default String locale() {
            return context().locale();
        }

        default String ticketId() {
            return context().ticketId();
        }

        default String agentId() {
            return context().agentId();
        }

        default String teamId() {
            return context().teamId();
        }

        default String customerRef() {
            return context().customerRef();
        }

        default Optional<Instant> issuedAt() {
            return context().issuedAt();
        }
    }
}
