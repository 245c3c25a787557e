package io.ratelink.survey;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.ratelink.config.RatelinkConfig;
import io.ratelink.rating.ClientClassifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the survey domain from configuration. The signing keys are checked at startup, not at the first click. */
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
    @Startup
    LinkSigner linkSigner(RatelinkConfig config, Clock clock) {
        return new LinkSigner(SigningKeys.of(config.signing().activeKid(), config.signing().keys()), clock);
    }

    @Produces
    @Singleton
    ClientClassifier clientClassifier() {
        return ClientClassifier.fromClasspath();
    }
}
