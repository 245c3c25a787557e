package io.ratelink.recompute.wiring;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.store.RatingLedger;
import io.ratelink.recompute.AgentRecentScores;
import io.ratelink.recompute.Recompute;
import io.ratelink.score.HappinessIndexWeights;
import io.ratelink.score.Metrics;
import io.ratelink.score.store.ScoreBoard;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.storage.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** Wires the recompute and the score board from configuration. */
@ApplicationScoped
public class RecomputeBeans {

    @Produces
    @Singleton
    Metrics metrics(RatelinkConfig config) {
        return new Metrics(config.scores().minimumSample());
    }

    @Produces
    @Singleton
    HappinessIndexWeights chiWeights(RatelinkConfig config) {
        RatelinkConfig.Scores.HappinessIndexWeights weights = config.scores().chi();
        return new HappinessIndexWeights(weights.csat(), weights.ces(), weights.nps());
    }

    @Produces
    @Singleton
    ScoreStore scoreStore(DynamoDbClient dynamo, RatelinkConfig config) {
        return new ScoreStore(dynamo, config.tables().scores());
    }

    @Produces
    @Singleton
    RatingLedger ratingLedger(DynamoDbClient dynamo, RatelinkConfig config) {
        return new RatingLedger(dynamo, config.tables().ratings(), Tables.BY_CHANGE);
    }

    @Produces
    @Singleton
    Recompute recompute(RatingLedger ratings, ScoreStore scores, Metrics metrics, Clock clock, RatelinkConfig config) {
        return new Recompute(ratings, scores, metrics, clock, config.recompute().overlap(), config.recompute().lease(),
                config.tables().retention());
    }

    @Produces
    @Singleton
    ScoreBoard scoreBoard(ScoreStore scores, Metrics metrics, HappinessIndexWeights chiWeights) {
        return new ScoreBoard(scores, metrics, chiWeights);
    }

    /** Escalation emails show the agent's recent score from the scores table. */
    @Produces
    @Singleton
    io.ratelink.escalate.RecentScores recentScores(ScoreBoard board) {
        return new AgentRecentScores(board);
    }
}
