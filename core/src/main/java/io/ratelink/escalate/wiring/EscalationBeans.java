package io.ratelink.escalate.wiring;

import io.quarkus.arc.DefaultBean;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.escalate.EscalationPolicy;
import io.ratelink.escalate.LowBands;
import io.ratelink.escalate.RecentScores;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Optional;

/**
 * Wires escalation's domain and tables from configuration. Bad configuration (a low band, the fallback address) stops
 * startup. The settle checks are wired with the queue they go to ({@code escalate.stream.wiring}, in the queue
 * module), the sending of the emails with the mail ({@code escalate.mail.wiring}, in the mail module): only the
 * functions that have them.
 */
@ApplicationScoped
public class EscalationBeans {

    @Produces
    @Singleton
    EscalationPolicy escalationPolicy(RatelinkConfig config) {
        return new EscalationPolicy(LowBands.withOverrides(config.escalation().lowBands()));
    }

    @Produces
    @Singleton
    EscalationStore escalationStore(DynamoDbClient dynamo, RatelinkConfig config) {
        return new EscalationStore(dynamo, config.tables().escalations(), config.tables().retention());
    }

    @Produces
    @Singleton
    ManagerDirectory managerDirectory(DynamoDbClient dynamo, RatelinkConfig config, Clock clock) {
        return new ManagerDirectory(dynamo, config.tables().agents(), config.escalation().fallbackAddress(),
                config.escalation().fallbackLocale(), clock);
    }

    /**
     * No agent has a recent score until something reads the scores table for one; escalation emails leave the line
     * out meanwhile. A bean of type {@link RecentScores} elsewhere replaces this one.
     */
    @Produces
    @Singleton
    @DefaultBean
    RecentScores noRecentScoresYet() {
        return (agentId, scale) -> Optional.empty();
    }
}
