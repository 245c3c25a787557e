package io.ratelink.escalate.mail.wiring;

import io.quarkus.arc.DefaultBean;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.TaskHandler;
import io.ratelink.delivery.mail.Email;
import io.ratelink.delivery.mail.SmtpConfig;
import io.ratelink.escalate.EscalationPolicy;
import io.ratelink.escalate.EscalationTasks;
import io.ratelink.escalate.Escalator;
import io.ratelink.escalate.MessageIds;
import io.ratelink.escalate.Pause;
import io.ratelink.escalate.RecentScores;
import io.ratelink.escalate.mail.EscalationMail;
import io.ratelink.escalate.mail.EscalationViews;
import io.ratelink.escalate.mail.TicketLinks;
import io.ratelink.escalate.store.EscalationStore;
import io.ratelink.escalate.store.ManagerDirectory;
import io.ratelink.rating.store.RatingStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Wires the sending of escalation emails, for the escalate function and dev mode: the email, its Message-IDs, the
 * {@link Escalator} and the queued tasks it runs. A bad helpdesk link stops startup.
 */
@ApplicationScoped
public class EscalationMailBeans {

    @Produces
    @Singleton
    EscalationMail escalationMail(RatelinkConfig config) {
        return new EscalationMail(new EscalationViews(new TicketLinks(config.helpdesk().ticketUrl()),
                config.escalation().timeZone(), config.baseUrl()));
    }

    @Produces
    @Singleton
    MessageIds messageIds(RatelinkConfig config, SmtpConfig smtp) {
        return new MessageIds(config.escalation().messageIdDomain().orElseGet(() -> MessageIds.domainOf(smtp.from().orElse(""))));
    }

    @Produces
    @Singleton
    @DefaultBean
    Pause threadPause() {
        return duration -> Thread.sleep(duration.toMillis());
    }

    @Produces
    @Singleton
    Escalator<Email> escalator(EscalationPolicy policy, RatingStore ratings, EscalationStore store,
            ManagerDirectory directory, EscalationMail mail, RecentScores recentScores, MessageIds messageIds,
            Channel<Email> channel, Pause pause, Clock clock, RatelinkConfig config) {
        RatelinkConfig.Escalation escalation = config.escalation();
        return new Escalator<>(policy, ratings, store, directory, mail, recentScores, messageIds, channel, pause, clock,
                new Escalator.Settings(escalation.sendAttempts(), escalation.firstRetryDelay(),
                        escalation.sendTimeout(), escalation.claimTimeout(), escalation.maxPerSurvey(),
                        escalation.maxPerManagerHour()));
    }

    /** Run from the escalation queue with the other queued work (see {@code DeliveryBeans#dueTaskBatch}). */
    @Produces
    @Singleton
    TaskHandler escalationChecks(Escalator<Email> escalator) {
        return EscalationTasks.checks(escalator);
    }

    /** Run from the escalation queue with the other queued work (see {@code DeliveryBeans#dueTaskBatch}). */
    @Produces
    @Singleton
    TaskHandler escalationReplays(Escalator<Email> escalator) {
        return EscalationTasks.replays(escalator);
    }
}
