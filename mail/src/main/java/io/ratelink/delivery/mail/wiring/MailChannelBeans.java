package io.ratelink.delivery.mail.wiring;

import io.quarkus.arc.DefaultBean;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.mail.Email;
import io.ratelink.delivery.mail.MailChannel;
import io.ratelink.delivery.mail.SentEmail;
import io.ratelink.delivery.mail.SmtpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Wires the email channel (Jakarta Mail over SMTP), which every email ratelink sends goes through; each email sent
 * is fired as a {@link SentEmail} event. A trust store that cannot be read stops startup.
 */
@ApplicationScoped
public class MailChannelBeans {

    @Produces
    @Singleton
    @DefaultBean
    Channel<Email> mailChannel(SmtpConfig config, Event<SentEmail> sent) {
        return new MailChannel(config, sent::fire);
    }
}
