package io.ratelink.delivery;

import java.time.Duration;

/**
 * One way out of the system (email today). The callers keep claims, retries and logging; a channel only sends, and
 * says whether the other side took the message, refused it, or left it unknown.
 *
 * @param <M> what the channel sends
 */
public interface Channel<M> {

    /** Sends one message, waiting at most {@code timeout} for the other side's answer. */
    SendResult send(M message, Duration timeout);
}
