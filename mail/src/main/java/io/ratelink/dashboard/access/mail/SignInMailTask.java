package io.ratelink.dashboard.access.mail;

import io.ratelink.dashboard.access.AccessTokens;
import io.ratelink.dashboard.access.SignIn;
import io.ratelink.dashboard.access.SignInLink;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.Deadline;
import io.ratelink.delivery.mail.Email;
import io.ratelink.delivery.DueTask;
import io.ratelink.delivery.SendResult;
import io.ratelink.delivery.TaskHandler;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Mails a sign-in link, as the escalate function (and dev mode's queue consumer) runs queued tasks. The task's subject
 * is the signed link; this function holds no dashboard key and only reads the link's claims (who to write to, in which
 * language): only the HTTP function puts sign-in tasks on the queue, and it checks the link again when it is used.
 *
 * <p>A link already expired is not sent. A send that was refused or got no answer goes back to the queue for another
 * try: unlike an escalation, a sign-in mail may arrive twice (the link works once whichever copy is used), while one
 * that never arrives keeps a person out.
 */
public class SignInMailTask implements TaskHandler {

    private static final Logger LOG = Logger.getLogger(SignInMailTask.class);

    private final SignInMail mail;
    private final Channel<Email> channel;
    private final Clock clock;
    private final Duration sendTimeout;

    public SignInMailTask(SignInMail mail, Channel<Email> channel, Clock clock, Duration sendTimeout) {
        this.mail = mail;
        this.channel = channel;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public String kind() {
        return SignIn.TASK_KIND;
    }

    @Override
    public void run(DueTask task, Deadline deadline) {
        Optional<SignInLink> link = AccessTokens.readLinkUnverified(task.subject());
        if (link.isEmpty()) {
            LOG.error("Dropped a sign-in mail task whose subject is not a sign-in link");
            return;
        }
        if (link.get().isExpiredAt(clock.instant())) {
            LOG.warnf("Sign-in link %s expired before it could be mailed; not sent", link.get().linkId());
            return;
        }
        SendResult result = channel.send(mail.compose(link.get(), task.subject()), sendTimeout);
        if (result instanceof SendResult.Refused refused) {
            throw new IllegalStateException("sign-in mail " + link.get().linkId() + " refused: " + refused.reason());
        }
        if (result instanceof SendResult.Unknown unknown) {
            throw new IllegalStateException("sign-in mail " + link.get().linkId() + ": " + unknown.reason()
                    + "; tried again from the queue");
        }
        LOG.infof("Sign-in mail %s sent", link.get().linkId());
    }
}
