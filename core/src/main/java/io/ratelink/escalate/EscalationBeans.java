package io.ratelink.escalate;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.ratelink.config.RatelinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.Optional;

/** Wires escalation from configuration. Bad configuration (a low band, the helpdesk link, the fallback address) stops startup. */
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

    @Produces
    @Singleton
    EscalationMail escalationMail(RatelinkConfig config) {
        return new EscalationMail(new EscalationViews(new TicketLinks(config.helpdesk().ticketUrl()),
                config.escalation().timeZone()));
    }

    @Produces
    @Singleton
    MessageIds messageIds(RatelinkConfig config, @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        return new MessageIds(config.escalation().messageIdDomain().orElseGet(() -> MessageIds.domainOf(from.orElse(""))));
    }

    @Produces
    @Singleton
    @DefaultBean
    Pause threadPause() {
        return duration -> Thread.sleep(duration.toMillis());
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

    @Produces
    @Singleton
    @Startup
    Escalator escalator(EscalationPolicy policy, EscalationStore store, ManagerDirectory directory, EscalationMail mail,
            RecentScores recentScores, MessageIds messageIds, Pause pause, Clock clock, RatelinkConfig config) {
        RatelinkConfig.Escalation escalation = config.escalation();
        return new Escalator(policy, store, directory, mail, recentScores, messageIds, pause, clock,
                new Escalator.Retries(escalation.sendAttempts(), escalation.firstRetryDelay(),
                        escalation.sendTimeout(), escalation.claimTimeout()));
    }

    @Produces
    @Singleton
    StreamEscalations streamEscalations(Escalator escalator) {
        return new StreamEscalations(escalator);
    }
}
