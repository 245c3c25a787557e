package io.ratelink.dashboard.access.wiring;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.ManagedAgents;
import io.ratelink.dashboard.access.SignIn;
import io.ratelink.dashboard.access.SpentLinks;
import io.ratelink.dashboard.access.Viewers;
import io.ratelink.dashboard.access.mail.SignInMail;
import io.ratelink.dashboard.access.mail.SignInMailTask;
import io.ratelink.dashboard.access.store.ManagerIndex;
import io.ratelink.dashboard.access.store.SpentLinkTable;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.DelayQueue;
import io.ratelink.delivery.TaskHandler;
import io.ratelink.score.store.ScoreStore;
import io.ratelink.survey.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/**
 * Wires the dashboard's sign-in. The HTTP function signs and checks links and sessions (and needs the dashboard keys);
 * the function that sends mail only mails the links the HTTP function queued.
 */
@ApplicationScoped
public class AccessBeans {

    static final String KEYS_PREFIX = "ratelink.dashboard.signing";

    @Produces
    @Singleton
    AccessTokens accessTokens(RatelinkConfig config, Clock clock) {
        String activeKid = config.dashboard().signing().activeKid()
                .orElseThrow(() -> new IllegalStateException(KEYS_PREFIX + ".active-kid is not set"));
        return new AccessTokens(SigningKeys.of(activeKid, config.dashboard().signing().keys(), KEYS_PREFIX), clock);
    }

    @Produces
    @Singleton
    SpentLinks spentLinks(DynamoDbClient dynamo, RatelinkConfig config, Clock clock) {
        return new SpentLinkTable(dynamo, config.tables().signins(), clock);
    }

    @Produces
    @Singleton
    ManagedAgents managedAgents(DynamoDbClient dynamo, RatelinkConfig config) {
        return new ManagerIndex(dynamo, config.tables().agents());
    }

    @Produces
    @Singleton
    Viewers viewers(RatelinkConfig config, ManagedAgents managed, ScoreStore scores) {
        return new Viewers(config.dashboard().admins().orElse(List.of()), managed, agents -> scores.rosters().teamsOf(agents));
    }

    @Produces
    @Singleton
    SignIn signIn(Viewers viewers, AccessTokens tokens, SpentLinks spent, DelayQueue queue, Clock clock,
            RatelinkConfig config) {
        return new SignIn(viewers, tokens, spent, queue, clock, config.dashboard().linkLifetime(),
                config.dashboard().sessionLifetime());
    }

    @Produces
    @Singleton
    SignInMail signInMail(RatelinkConfig config) {
        return new SignInMail(config.baseUrl(), config.dashboard().linkLifetime());
    }

    /** Run with the escalation work from the same queue (see {@code EscalationBeans#dueTaskBatch}). */
    @Produces
    @Singleton
    TaskHandler signInMailTask(SignInMail mail, Channel<MailTemplateInstance> channel, Clock clock,
            RatelinkConfig config) {
        return new SignInMailTask(mail, channel, clock, config.escalation().sendTimeout());
    }
}
