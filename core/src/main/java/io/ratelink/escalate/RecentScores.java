package io.ratelink.escalate;

import io.ratelink.survey.Scale;

import java.util.Optional;

/**
 * Where an escalation email finds the agent's recent score. The scores table may not have one yet (no recompute has
 * run, or the agent is new); the email then leaves the line out.
 */
public interface RecentScores {

    Optional<RecentScore> forAgent(String agentId, Scale scale);
}
