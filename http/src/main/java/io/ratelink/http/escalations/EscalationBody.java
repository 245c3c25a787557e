package io.ratelink.http.escalations;

import io.ratelink.escalate.Escalation;

import java.time.Instant;

/**
 * One escalation as {@code GET /v1/escalations} lists it.
 *
 * @param id        what {@code POST /v1/escalations/{id}/retry} takes
 * @param kind      {@code escalation} or {@code follow-up}
 * @param heldBack  how many escalations to the same manager the hourly limit held back before this one
 * @param lastError why the last try failed, for failed and unknown ones
 */
public record EscalationBody(String id, String kind, String status, String surveyId, String ticketId, String agentId,
        String scale, int score, String comment, int heldBack, int attempts, String recipient, String lastError,
        Instant createdAt, Instant updatedAt, Instant sentAt) {

    static EscalationBody of(Escalation escalation) {
        return new EscalationBody(escalation.id().format(), escalation.kind().name().toLowerCase().replace('_', '-'),
                escalation.status().attributeValue(), escalation.rating().surveyId(), escalation.rating().ticketId(),
                escalation.rating().agentId(), escalation.rating().scale().name(), escalation.rating().score(),
                escalation.rating().comment().orElse(null), escalation.heldBack(), escalation.attempts(), escalation.recipient().orElse(null), escalation.lastError().orElse(null),
                escalation.createdAt(), escalation.updatedAt(), escalation.sentAt().orElse(null));
    }
}
