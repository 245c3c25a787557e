package io.ratelink.escalate.wiring;

import io.quarkus.arc.All;
import io.quarkus.arc.DefaultBean;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.runtime.LaunchMode;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.TaskHandler;
import io.ratelink.delivery.mail.MailChannel;
import io.ratelink.delivery.sqs.DueTaskBatch;
import io.ratelink.escalate.EscalationPolicy;
import io.ratelink.escalate.EscalationTasks;
import io.ratelink.escalate.Escalator;
import io.ratelink.escalate.LowBands;
import io.ratelink.escalate.Pause;
import io.ratelink.escalate.RecentScores;
import io.ratelink.escalate.mail.EscalationMail;
import io.ratelink.escalate.mail.EscalationViews;
import io.ratelink.escalate.mail.MessageIds;
import io.ratelink.escalate.mail.TicketLinks;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.escalate.stream.SettleChecks;
import io.ratelink.rating.store.RatingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
                config.escalation().timeZone(), config.baseUrl()));
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

    @Produces
    @Singleton
    @DefaultBean
    Channel<MailTemplateInstance> mailChannel() {
        return new MailChannel();
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
    Escalator escalator(EscalationPolicy policy, RatingStore ratings, EscalationStore store, ManagerDirectory directory,
            EscalationMail mail, RecentScores recentScores, MessageIds messageIds, Channel<MailTemplateInstance> channel,
            Pause pause, Clock clock, RatelinkConfig config) {
        RatelinkConfig.Escalation escalation = config.escalation();
        return new Escalator(policy, ratings, store, directory, mail, recentScores, messageIds, channel, pause, clock,
                new Escalator.Settings(escalation.sendAttempts(), escalation.firstRetryDelay(),
                        escalation.sendTimeout(), escalation.claimTimeout(), escalation.maxPerSurvey(),
                        escalation.maxPerManagerHour()));
    }

    @Produces
    @Singleton
    SettleChecks settleChecks(DelayQueue queue, RatelinkConfig config) {
        if (LaunchMode.current() == LaunchMode.NORMAL
                && config.escalation().settle().compareTo(config.scanners().burstWindow()) < 0) {
            throw new IllegalArgumentException("ratelink.escalation.settle (" + config.escalation().settle()
                    + ") must not be shorter than ratelink.scanners.burst-window (" + config.scanners().burstWindow()
                    + "): a scanner's sweep would escalate before it is recognised");
        }
        return new SettleChecks(queue, config.escalation().settle());
    }

    /**
     * The queued work, as the escalate function and the dev-mode consumer run it: the escalations', and that of any
     * other {@link TaskHandler} bean (the dashboard's sign-in mail).
     */
    @Produces
    @Singleton
    DueTaskBatch dueTaskBatch(Escalator escalator, @All List<TaskHandler> otherTasks, DelayQueue queue, Clock clock) {
        List<TaskHandler> handlers = new ArrayList<>(EscalationTasks.of(escalator));
        handlers.addAll(otherTasks);
        return new DueTaskBatch(handlers, queue, clock, escalator.settings().sendTimeout().plusSeconds(3));
    }
}
