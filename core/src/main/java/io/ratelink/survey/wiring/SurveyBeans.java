package io.ratelink.survey.wiring;

import io.quarkus.arc.DefaultBean;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.ClientClassifier;
import io.ratelink.survey.LinkSigner;
import io.ratelink.survey.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Wires the survey domain from configuration. Only the HTTP function signs and checks links; it builds the signer at
 * startup, so a bad key stops it then rather than at the first click.
 */
@ApplicationScoped
public class SurveyBeans {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    LinkSigner linkSigner(RatelinkConfig config, Clock clock) {
        String activeKid = config.signing().activeKid()
                .orElseThrow(() -> new IllegalStateException("ratelink.signing.active-kid is not set"));
        return new LinkSigner(SigningKeys.of(activeKid, config.signing().keys()), clock);
    }

    @Produces
    @Singleton
    ClientClassifier clientClassifier() {
        return ClientClassifier.fromClasspath();
    }
}
