package io.ratelink.escalate;

import java.util.Optional;

/**
 * Writes the message of one escalation or follow-up, ready for the {@link io.ratelink.delivery.Channel} that sends
 * messages of its type: the port the {@link Escalator} sends through (escalate.mail writes an email).
 *
 * @param <M> the message the channel sends
 */
public interface EscalationComposer<M> {

    /** The message for the recipient, as the escalation stands now, with the agent's recent score if one is known. */
    M compose(Escalation escalation, Recipient recipient, Optional<RecentScore> recent);
}
