package io.ratelink.delivery.mail;

import io.ratelink.delivery.Channel;
import io.ratelink.delivery.SendResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Email over SMTP (Jakarta Mail, Eclipse Angus), one connection per email. A server that answers with an error, or
 * cannot be reached, refused the message; one that has not answered it all within the timeout may still deliver it,
 * so the outcome is unknown. Each email accepted, or captured with {@code ratelink.smtp.mock}, is handed on as a
 * {@link SentEmail}.
 */
public class MailChannel implements Channel<Email> {

    private static final Logger LOG = Logger.getLogger(MailChannel.class);
    private static final int MAX_REASON_LENGTH = 500;
    private static final String UTF_8 = "UTF-8";

    private final SmtpConfig config;
    private final Consumer<SentEmail> sent;
    private final Optional<SSLSocketFactory> trusting;
    /**
     * Where the conversation with the server runs, so that the caller waits no longer than its timeout in all, as
     * slowly as the server may answer each command; a conversation given up on ends at its next socket timeout.
     */
    private final ExecutorService sending = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-send");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @throws IllegalStateException for a trust store that cannot be read
     */
    public MailChannel(SmtpConfig config, Consumer<SentEmail> sent) {
        this.config = config;
        this.sent = sent;
        this.trusting = config.trustStore().map(store -> socketFactoryTrusting(store, config.trustStorePassword()));
    }

    @Override
    public SendResult send(Email email, Duration timeout) {
        Optional<String> from = config.from().map(String::strip).filter(address -> !address.isEmpty());
        if (config.mock()) {
            LOG.debug("Mail captured, not sent (ratelink.smtp.mock)");
            sent.accept(new SentEmail(from.orElse(""), email));
            return new SendResult.Accepted();
        }
        if (from.isEmpty()) {
            return new SendResult.Refused("no sender address: ratelink.smtp.from is not set");
        }
        MimeMessage message;
        try {
            message = message(Session.getInstance(properties(from.get(), timeout)), from.get(), email);
        } catch (MessagingException unusable) {
            return new SendResult.Refused(describe(unusable));
        }
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        Future<?> delivery = sending.submit(() -> {
            Thread.currentThread().setContextClassLoader(caller);
            transmit(message);
            return null;
        });
        try {
            delivery.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException notDoneInTime) {
            return noAnswerWithin(timeout);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof MessagingException failure && noAnswer(failure)) {
                return noAnswerWithin(shorter(config.timeout(), timeout));
            }
            return new SendResult.Refused(describe(failed.getCause()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new SendResult.Unknown("interrupted while the SMTP server had the message");
        }
        sent.accept(new SentEmail(from.get(), email));
        return new SendResult.Accepted();
    }

    private void transmit(MimeMessage message) throws MessagingException {
        if (config.username().isPresent()) {
            Transport.send(message, config.username().get(), config.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }

    private static SendResult noAnswerWithin(Duration timeout) {
        return new SendResult.Unknown("no answer from the SMTP server within " + timeout.toMillis() + " ms");
    }

    private Properties properties(String from, Duration timeout) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.host());
        properties.put("mail.smtp.port", Integer.toString(config.port().orElse(config.tls().defaultPort())));
        properties.put("mail.smtp.connectiontimeout", millis(shorter(config.connectTimeout(), timeout)));
        properties.put("mail.smtp.timeout", millis(shorter(config.timeout(), timeout)));
        properties.put("mail.smtp.writetimeout", millis(shorter(config.timeout(), timeout)));
        // the reply to QUIT is not worth a second wait on a server that has just stopped answering
        properties.put("mail.smtp.quitwait", "false");
        // the EHLO name: without it the function's own address would be looked up in DNS first
        properties.put("mail.smtp.localhost", from.substring(from.lastIndexOf('@') + 1));
        properties.put("mail.smtp.auth", Boolean.toString(config.username().isPresent()));
        switch (config.tls()) {
            case NONE -> {
            }
            case STARTTLS -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> properties.put("mail.smtp.ssl.enable", "true");
        }
        if (config.tls() != SmtpConfig.Tls.NONE) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
            trusting.ifPresent(factory -> properties.put("mail.smtp.ssl.socketFactory", factory));
            // one connection: a failed handshake is not tried again with the JVM's trust, which hides the reason
            properties.put("mail.smtp.socketFactory.fallback", "false");
        }
        return properties;
    }

    private static MimeMessage message(Session session, String from, Email email) throws MessagingException {
        MimeMessage message = new MessageKeepingItsId(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), UTF_8);
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : email.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        return message;
    }

    /** Whether the server stopped answering after it was reached: it may have taken the message all the same. */
    private static boolean noAnswer(MessagingException failure) {
        if (failure instanceof MailConnectException || failure instanceof AddressException) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (next(cause) != null) {
            cause = next(cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_REASON_LENGTH ? oneLine.substring(0, MAX_REASON_LENGTH) : oneLine;
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause instanceof MessagingException messaging ? messaging.getNextException() : cause.getCause();
        return next == cause ? null : next;
    }

    private static Duration shorter(Duration configured, Duration timeout) {
        return configured.compareTo(timeout) <= 0 ? configured : timeout;
    }

    private static String millis(Duration duration) {
        return Long.toString(Math.max(1, duration.toMillis()));
    }

    private static SSLSocketFactory socketFactoryTrusting(Path trustStore, Optional<String> password) {
        char[] secret = password.map(String::toCharArray).orElse(null);
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("ratelink.smtp.trust-store " + trustStore + " is not a usable trust store", e);
        }
    }

    /** Sends the Message-ID ratelink made, which threads the follow-ups, instead of making a new one. */
    private static final class MessageKeepingItsId extends MimeMessage {

        MessageKeepingItsId(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
