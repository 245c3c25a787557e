package io.ratelink.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1 that a test can take down and bring back on the same port, reached
 * through a relay that can answer late or not at all.
 */
public final class Smtp {

    private GreenMail server;
    private int port;
    private SmtpRelay relay;

    synchronized void start() {
        ServerSetup setup = port == 0
                ? new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort()
                : new ServerSetup(port, "127.0.0.1", "smtp");
        server = new GreenMail(setup);
        server.start();
        port = server.getSmtp().getPort();
        if (relay == null) {
            relay = new SmtpRelay(port);
        } else {
            relay.up();
        }
    }

    /** Where clients connect: the relay in front of the server. */
    public synchronized int port() {
        return relay.port();
    }

    /**
     * From now on the server takes each message at once but answers its end only after {@code delay}: a client that
     * stops waiting sooner cannot know the message was delivered.
     */
    public void answerLate(Duration delay) {
        relay.answerLate(delay);
    }

    /** From now on connections are taken and never answered, as a server that hangs. */
    public void hang() {
        relay.hang();
    }

    /** Back to answering at once. */
    public void answerNormally() {
        relay.answerNormally();
    }

    /** Refuses every connection from now on, as a server that is down. */
    public synchronized void stop() {
        relay.down();
        server.stop();
    }

    /** Back on the same port, with an empty mailbox. */
    public synchronized void restart() {
        if (server.isRunning()) {
            server.stop();
        }
        start();
    }

    public synchronized boolean isRunning() {
        return server.isRunning();
    }

    /** Every message received for the address so far. */
    public synchronized List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** Waits until the address has received {@code count} messages, and returns them all. */
    public List<MimeMessage> awaitMessagesTo(String address, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<MimeMessage> received = messagesTo(address);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            received = messagesTo(address);
        }
        return received;
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
