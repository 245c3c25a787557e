package io.ratelink.notify;

import io.ratelink.escalate.RecentScore;
import io.ratelink.escalate.RecentScores;
import io.ratelink.survey.Scale;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Recent scores a test states for its own agents; every other agent has none, as with an empty scores table. */
@Singleton
@Alternative
@Priority(1)
public class KnownRecentScores implements RecentScores {

    private final Map<String, RecentScore> byAgent = new ConcurrentHashMap<>();

    public void put(String agentId, RecentScore score) {
        byAgent.put(agentId, score);
    }

    @Override
    public Optional<RecentScore> forAgent(String agentId, Scale scale) {
        return Optional.ofNullable(byAgent.get(agentId)).filter(score -> score.scale() == scale);
    }
}
