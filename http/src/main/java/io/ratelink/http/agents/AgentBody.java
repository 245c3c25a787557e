package io.ratelink.http.agents;

import io.ratelink.escalate.Agent;

import java.util.List;

/**
 * An agent as {@code PUT/GET /v1/agents/{id}} carry it.
 *
 * @param managerEmail who hears about the agent's low ratings; absent for the configured fallback address
 * @param locale       the language escalations about this agent are written in, e.g. {@code en}, {@code zh}, {@code fa}, {@code ro}
 */
public record AgentBody(String name, String email, String managerEmail, String locale) {

    static AgentBody of(Agent agent) {
        return new AgentBody(agent.name(), agent.email(), agent.managerEmail().orElse(null), agent.locale());
    }

    /** What is wrong with this body as the agent {@code agentId}, one sentence per problem; empty when it can be stored. */
    List<String> problems(String agentId) {
        return Agent.problems(agentId, name, email, managerEmail, locale);
    }

    /** The agent, from a body that has no {@link #problems}. */
    Agent toAgent(String agentId) {
        return Agent.of(agentId, name, email, managerEmail, locale);
    }
}
