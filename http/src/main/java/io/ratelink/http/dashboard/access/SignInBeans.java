package io.ratelink.http.dashboard.access;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.SignIn;
import io.ratelink.dashboard.access.SpentLinks;
import io.ratelink.dashboard.access.Viewers;
import io.ratelink.delivery.DelayQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the dashboard's sign-in with the queue its links are mailed through (the HTTP function). */
@ApplicationScoped
public class SignInBeans {

    @Produces
    @Singleton
    SignIn signIn(Viewers viewers, AccessTokens tokens, SpentLinks spent, DelayQueue queue, Clock clock,
            RatelinkConfig config) {
        return new SignIn(viewers, tokens, spent, queue, clock, config.dashboard().linkLifetime(),
                config.dashboard().sessionLifetime());
    }
}
