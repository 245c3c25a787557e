package io.ratelink.dashboard.access.wiring;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.ManagedAgents;
import io.ratelink.dashboard.access.SpentLinks;
import io.ratelink.dashboard.access.Viewers;
import io.ratelink.dashboard.access.store.ManagerIndex;
import io.ratelink.dashboard.access.store.SpentLinkTable;
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
 * the sign-in itself, which queues the mail, is wired there with the queue ({@code http.dashboard.access.SignInBeans}),
 * and the function that sends mail only mails the links the HTTP function queued ({@code access.mail.wiring}).
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
}
