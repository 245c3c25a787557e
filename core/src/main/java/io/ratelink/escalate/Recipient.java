package io.ratelink.escalate;

import java.util.Optional;

/**
 * Who an escalation about one agent goes to, and in which language.
 *
 * @param address the manager's address, or the fallback address
 * @param locale  the language of the email, as a BCP 47 tag
 * @param agent   the agent as on file; empty when the agent is not on file
 * @param route   why it goes to this address
 */
public record Recipient(String address, String locale, Optional<Agent> agent, Route route) {

    public enum Route {
        /** The agent's manager, as on file. */
        MANAGER,
        /** The fallback address: the agent is on file without a manager. */
        FALLBACK_NO_MANAGER,
        /** The fallback address: the agent is not on file at all. */
        FALLBACK_UNKNOWN_AGENT
    }

    public boolean isFallback() {
        return route != Route.MANAGER;
    }
}
