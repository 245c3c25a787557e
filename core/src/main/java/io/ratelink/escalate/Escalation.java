package io.ratelink.escalate;

import java.time.Instant;
import java.util.Optional;

/**
 * One escalation email and where it stands: the conditional write of this record, before the send, is what makes
 * the email go out once per episode whatever the stream redelivers.
 *
 * @param id             which email
 * @param status         sending, sent or failed
 * @param rating         what the email tells
 * @param escalatedScore for a follow-up: the score the episode's escalation reported, to say whether it changed
 * @param messageId      the email's own Message-ID, stable for the id
 * @param inReplyTo      for a follow-up: the escalation's Message-ID, for {@code In-Reply-To} and {@code References}
 * @param attempts       how many times a send was tried, over every invocation and replay
 * @param lastError      why the last try failed
 * @param recipient      the address the last try went to
 * @param claimedUntil   while {@link EscalationStatus#SENDING}: until when the invocation sending it owns it
 */
public record Escalation(
        EscalationId id,
        EscalationStatus status,
        LowRating rating,
        Optional<Integer> escalatedScore,
        String messageId,
        Optional<String> inReplyTo,
        int attempts,
        Optional<String> lastError,
        Optional<String> recipient,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> sentAt,
        Optional<Instant> claimedUntil) {

    public EscalationKind kind() {
        return id.kind();
    }

    /** A new escalation, claimed for sending by the caller until {@code claimedUntil}. */
    static Escalation claimed(EscalationId id, LowRating rating, Optional<Integer> escalatedScore, String messageId,
            Optional<String> inReplyTo, Instant now, Instant claimedUntil) {
        return new Escalation(id, EscalationStatus.SENDING, rating, escalatedScore, messageId, inReplyTo, 0,
                Optional.empty(), Optional.empty(), now, now, Optional.empty(), Optional.of(claimedUntil));
    }

    /** Whether a send claim on it has run out, so that another invocation may take it over. */
    public boolean isAbandonedAt(Instant now) {
        return status == EscalationStatus.SENDING && claimedUntil.map(until -> !until.isAfter(now)).orElse(true);
    }
}
