package io.ratelink.delivery.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SMTP server every email goes out through, under {@code ratelink.smtp.*}: Amazon SES's SMTP endpoint in AWS
 * (host, port, TLS and sender from the deployment, user name and password from the mail secret), GreenMail in tests.
 */
@ConfigMapping(prefix = "ratelink.smtp")
public interface SmtpConfig {

    /** The server's host name, e.g. {@code email-smtp.eu-west-1.amazonaws.com}. */
    @WithDefault("localhost")
    String host();

    /** The server's port; without it, the usual one for {@link #tls()}: 25, 587 or 465. */
    OptionalInt port();

    /**
     * How the connection is protected: {@code none} (plain SMTP, for a server on the same host only),
     * {@code starttls} (plain at first, then upgraded; a server that does not offer STARTTLS is refused) or
     * {@code tls} (TLS from the first byte, "SMTPS"). With TLS the server's certificate must be trusted and name the
     * host.
     */
    @WithDefault("starttls")
    Tls tls();

    /** The user name to authenticate with; without it, none is sent. */
    Optional<String> username();

    /** The password that goes with {@link #username()}. */
    Optional<String> password();

    /**
     * The sender, e.g. {@code ratelink@example.com}: the From of every email, and the domain of the escalation emails'
     * Message-IDs unless {@code ratelink.escalation.message-id-domain} says otherwise. Only the function that sends
     * mail needs it; a send without it is refused.
     */
    Optional<String> from();

    /**
     * A PKCS#12 trust store with the certificates that may sign the server's, instead of the JVM's default ones
     * (which trust Amazon SES's): for a server with a certificate of its own, such as the tests' GreenMail.
     */
    Optional<Path> trustStore();

    /** The trust store's password. */
    Optional<String> trustStorePassword();

    /**
     * How long connecting to the server may take. A server that cannot be reached in this time refused the message:
     * it was not delivered. At most the caller's send timeout ({@code ratelink.escalation.send-timeout}).
     */
    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long one answer from the server, or the writing of one command or of the message, may take. A server
     * that says nothing for this long leaves the outcome unknown: it may still deliver the message. At most the
     * caller's send timeout ({@code ratelink.escalation.send-timeout}).
     */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Mail is not sent, only handed to the observers of {@link SentEmail} (dev mode shows it at {@code /dev/mail}).
     */
    @WithDefault("false")
    boolean mock();

    /** How the connection to the SMTP server is protected, and the port that goes with it by default. */
    enum Tls {
        NONE(25),
        STARTTLS(587),
        TLS(465);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        public int defaultPort() {
            return defaultPort;
        }
    }
}
