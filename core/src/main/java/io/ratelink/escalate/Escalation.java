package io.ratelink.escalate;

import java.time.Instant;
import java.util.Optional;

/**
 * One escalation email and where it stands: the conditional write of this record, before the send, is what makes
 * each email of a survey's thread go out once whatever the queue redelivers.
 *
 * @param id             which email: the survey and its place in the survey's thread
 * @param status         where it stands
 * @param rating         what the email tells
 * @param ratingVersion  the rating's version the email reports
 * @param escalatedScore for a follow-up: the score the thread's first email reported, to say whether it changed
 * @param heldBack       how many escalations to the same manager the hourly limit held back before this one
 * @param messageId      the email's own Message-ID, stable for the id
 * @param inReplyTo      for a follow-up: the first email's Message-ID, for {@code In-Reply-To} and {@code References}
 * @param attempts       how many times a send was tried, over every invocation and replay
 * @param lastError      why the last try failed
 * @param recipient      the address the last try went to
 * @param claimedUntil   while in flight: until when the invocation working on it owns it
 */
public record Escalation(
        EscalationId id,
        EscalationStatus status,
        LowRating rating,
        long ratingVersion,
        Optional<Integer> escalatedScore,
        int heldBack,
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

    /** A new email, claimed for sending by the caller until {@code claimedUntil}. */
    static Escalation claimed(EscalationId id, LowRating rating, long ratingVersion, Optional<Integer> escalatedScore,
            String messageId, Optional<String> inReplyTo, Instant now, Instant claimedUntil) {
        return new Escalation(id, EscalationStatus.CLAIMED, rating, ratingVersion, escalatedScore, 0, messageId,
                inReplyTo, 0, Optional.empty(), Optional.empty(), now, now, Optional.empty(), Optional.of(claimedUntil));
    }

    /** Whether the invocation working on it has let it go or died: its claim has run out. */
    public boolean isAbandonedAt(Instant now) {
        return status.isInFlight() && claimedUntil.map(until -> !until.isAfter(now)).orElse(true);
    }

    public Escalation withHeldBack(int count) {
        return new Escalation(id, status, rating, ratingVersion, escalatedScore, count, messageId, inReplyTo, attempts,
                lastError, recipient, createdAt, updatedAt, sentAt, claimedUntil);
    }
}
