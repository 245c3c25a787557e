package io.ratelink.delivery.mail.wiring;

import io.quarkus.arc.DefaultBean;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.mail.MailChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires the email channel (quarkus-mailer over SMTP), which every email ratelink sends goes through. */
@ApplicationScoped
public class MailChannelBeans {

    @Produces
    @Singleton
    @DefaultBean
    Channel<MailTemplateInstance> mailChannel() {
        return new MailChannel();
    }
}
