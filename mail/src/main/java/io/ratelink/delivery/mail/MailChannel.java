package io.ratelink.delivery.mail;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.ratelink.delivery.Channel;
import io.ratelink.delivery.SendResult;
import io.smallrye.mutiny.TimeoutException;

import java.time.Duration;

/**
 * Email over SMTP (quarkus-mailer). A server that answers with an error, or cannot be reached, refused the message;
 * one that gives no answer within the timeout may still deliver it, so the outcome is unknown.
 */
public class MailChannel implements Channel<MailTemplateInstance> {

    private static final int MAX_REASON_LENGTH = 500;

    @Override
    public SendResult send(MailTemplateInstance email, Duration timeout) {
        try {
            email.send().await().atMost(timeout);
            return new SendResult.Accepted();
        } catch (TimeoutException noAnswer) {
            return new SendResult.Unknown("no answer from the SMTP server within " + timeout.toMillis() + " ms");
        } catch (RuntimeException refused) {
            return new SendResult.Refused(describe(refused));
        }
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof TimeoutException) {
                break;
            }
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_REASON_LENGTH ? oneLine.substring(0, MAX_REASON_LENGTH) : oneLine;
    }
}
