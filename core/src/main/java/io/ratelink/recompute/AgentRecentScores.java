package io.ratelink.recompute;

import io.ratelink.escalate.RecentScore;
import io.ratelink.escalate.RecentScores;
import io.ratelink.score.Dimension;
import io.ratelink.score.Metric;
import io.ratelink.score.ScaleScore;
import io.ratelink.score.Window;
import io.ratelink.score.store.ScoreBoard;
import io.ratelink.survey.Scale;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The agent's recent score for an escalation email: the headline metric of the agent's last 30 days on the
 * rating's scale, as the recompute last stored it. A score that cannot be read leaves the line out of the email
 * rather than holding the escalation back.
 */
public class AgentRecentScores implements RecentScores {

    private static final Logger LOG = Logger.getLogger(AgentRecentScores.class);
    static final Window WINDOW = Window.LAST_30_DAYS;

    private final ScoreBoard board;

    public AgentRecentScores(ScoreBoard board) {
        this.board = board;
    }

    @Override
    public Optional<RecentScore> forAgent(String agentId, Scale scale) {
        try {
            return headline(board.score(Dimension.agent(agentId), scale, WINDOW));
        } catch (RuntimeException e) {
            LOG.warnf("The recent score of agent %s could not be read; the escalation goes without it: %s",
                    agentId, e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<RecentScore> headline(ScaleScore score) {
        if (score.n() == 0 || score.interval() == null) {
            return Optional.empty();
        }
        Metric metric = score.metrics().get(score.interval().metric());
        if (metric == null || !metric.hasValue()) {
            return Optional.empty();
        }
        return Optional.of(new RecentScore(score.scale(), score.interval().metric(), metric.value(), score.n(),
                WINDOW.label()));
    }
}
