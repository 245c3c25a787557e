package io.ratelink.dashboard.access.mail.wiring;

import io.ratelink.config.RatelinkConfig;
import io.ratelink.dashboard.access.mail.SignInMail;
import io.ratelink.dashboard.access.mail.SignInMailTask;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.TaskHandler;
import io.ratelink.delivery.mail.Email;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Wires the mailing of sign-in links, for the function that sends mail: it holds no dashboard key and only mails the
 * links the HTTP function queued.
 */
@ApplicationScoped
public class SignInMailBeans {

    @Produces
    @Singleton
    SignInMail signInMail(RatelinkConfig config) {
        return new SignInMail(config.baseUrl(), config.dashboard().linkLifetime());
    }

    /** Run from the escalation queue with the other queued work (see {@code DeliveryBeans#dueTaskBatch}). */
    @Produces
    @Singleton
    TaskHandler signInMailTask(SignInMail mail, Channel<Email> channel, Clock clock,
            RatelinkConfig config) {
        return new SignInMailTask(mail, channel, clock, config.escalation().sendTimeout());
    }
}
