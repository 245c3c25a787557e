package io.ratelink.delivery.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.ratelink.delivery.SendResult;
import io.ratelink.local.LocalhostCertificate;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import io.ratelink.local.SilentServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail channel against a real SMTP server (GreenMail on 127.0.0.1), plain and over TLS. */
class MailChannelTest {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);
    private static final String FROM = "ratelink@ratelink.test";
    private static final String TO = "lead@ratelink.test";

    private final List<SentEmail> reported = new ArrayList<>();
    private GreenMail server;

    @BeforeAll
    static void greenMailServesTlsWithACertificateForLocalhost() {
        LocalhostCertificate.get().serveFromGreenMail();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPlainSmtpServerGetsTheTextAndHtmlAsAlternativesWithTheHeadersRatelinkSet() throws Exception {
        startServer("smtp");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Message-ID", "<escalation.s1.2@ratelink.test>");
        headers.put("Auto-Submitted", "auto-generated");
        headers.put("X-Auto-Response-Suppress", "All");
        headers.put("In-Reply-To", "<escalation.s1.1@ratelink.test>");
        headers.put("References", "<escalation.s1.1@ratelink.test>");
        Email email = new Email(TO, "امتیاز پایین برای Noor Haddad", headers, "0 در مقیاس 0 تا 10\n",
                "<html dir=\"rtl\"><body>0 در مقیاس</body></html>");

        SendResult result = channel(Map.of("ratelink.smtp.tls", "none")).send(email, SEND_TIMEOUT);

        assertThat(result).isEqualTo(new SendResult.Accepted());
        MimeMessage received = onlyMessage();
        assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(TO);
        assertThat(received.getSubject()).isEqualTo("امتیاز پایین برای Noor Haddad");
        assertThat(received.getHeader("Message-ID")).containsExactly("<escalation.s1.2@ratelink.test>");
        assertThat(received.getHeader("In-Reply-To")).containsExactly("<escalation.s1.1@ratelink.test>");
        assertThat(received.getHeader("References")).containsExactly("<escalation.s1.1@ratelink.test>");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
        assertThat(received.getSentDate()).isNotNull();
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(part(parts, 0).isMimeType("text/plain")).isTrue();
        assertThat(part(parts, 0).getContent()).isEqualTo("0 در مقیاس 0 تا 10\n");
        assertThat(part(parts, 1).isMimeType("text/html")).isTrue();
        assertThat(part(parts, 1).getContent()).isEqualTo("<html dir=\"rtl\"><body>0 در مقیاس</body></html>");
        assertThat(reported).containsExactly(new SentEmail(FROM, email));
    }

    @Test
    void withoutAMessageIdOfItsOwnTheEmailGetsOne() throws Exception {
        startServer("smtp");

        assertThat(channel(Map.of("ratelink.smtp.tls", "none")).send(email(), SEND_TIMEOUT))
                .isEqualTo(new SendResult.Accepted());

        assertThat(onlyMessage().getHeader("Message-ID")).singleElement().asString().startsWith("<").endsWith(">");
    }

    @Test
    void overTlsTheServerCertificateFromTheTrustStoreIsAcceptedForTheHostItNames() throws Exception {
        startServer("smtps");
        LocalhostCertificate certificate = LocalhostCertificate.get();

        SendResult result = channel(Map.of("ratelink.smtp.host", "localhost", "ratelink.smtp.tls", "tls",
                "ratelink.smtp.trust-store", certificate.trustStore().toString(),
                "ratelink.smtp.trust-store-password", certificate.trustStorePassword())).send(email(), SEND_TIMEOUT);

        assertThat(result).isEqualTo(new SendResult.Accepted());
        assertThat(onlyMessage().getSubject()).isEqualTo("Your sign-in link");
    }

    @Test
    void overTlsACertificateTheJvmDoesNotTrustIsRefusedAndNothingIsSent() {
        startServer("smtps");

        SendResult result = channel(Map.of("ratelink.smtp.host", "localhost", "ratelink.smtp.tls", "tls"))
                .send(email(), SEND_TIMEOUT);

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        assertThat(server.getReceivedMessages()).isEmpty();
        assertThat(reported).isEmpty();
    }

    @Test
    void starttlsWithAServerThatDoesNotOfferItIsRefusedRatherThanSentInClear() {
        startServer("smtp");

        SendResult result = channel(Map.of("ratelink.smtp.tls", "starttls")).send(email(), SEND_TIMEOUT);

        assertThat(result).isInstanceOf(SendResult.Refused.class);
        assertThat(((SendResult.Refused) result).reason()).containsIgnoringCase("STARTTLS");
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void theUserNameAndPasswordAreSentAndAWrongPasswordIsRefused() throws Exception {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, "ses-user", "ses-password"));
        server.start();

        SendResult wrong = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.username", "ses-user",
                "ratelink.smtp.password", "not-the-password")).send(email(), SEND_TIMEOUT);
        SendResult right = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.username", "ses-user",
                "ratelink.smtp.password", "ses-password")).send(email(), SEND_TIMEOUT);

        assertThat(wrong).isInstanceOf(SendResult.Refused.class);
        assertThat(right).isEqualTo(new SendResult.Accepted());
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aServerThatCannotBeReachedRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        SendResult result = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.host", "127.0.0.1",
                "ratelink.smtp.port", Integer.toString(closedPort))).send(email(), SEND_TIMEOUT);

        assertThat(result).isInstanceOf(SendResult.Refused.class);
    }

    @Test
    void aServerThatTakesTheConnectionAndNeverAnswersLeavesTheOutcomeUnknownAfterTheTimeout() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            long started = System.nanoTime();

            SendResult result = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.host", "127.0.0.1",
                    "ratelink.smtp.port", Integer.toString(silent.port()), "ratelink.smtp.timeout", "20s"))
                    .send(email(), Duration.ofMillis(500));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result).isEqualTo(new SendResult.Unknown("no answer from the SMTP server within 500 ms"));
            assertThat(took).as("the caller's timeout caps the configured one").isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aServerThatAnswersEachCommandSlowlyIsGivenUpOnWhenTheWholeSendHasTakenTheTimeout() throws Exception {
        try (ServerSocket slow = new ServerSocket()) {
            slow.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread server = new Thread(() -> answerEachCommandAfter(slow, Duration.ofMillis(300)));
            server.setDaemon(true);
            server.start();
            long started = System.nanoTime();

            SendResult result = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.host", "127.0.0.1",
                    "ratelink.smtp.port", Integer.toString(slow.getLocalPort()), "ratelink.smtp.timeout", "20s"))
                    .send(email(), Duration.ofMillis(1000));

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(result).as("six answers of 300 ms each would take 1.8 s")
                    .isEqualTo(new SendResult.Unknown("no answer from the SMTP server within 1000 ms"));
            assertThat(took).isLessThan(Duration.ofMillis(1500));
            assertThat(reported).isEmpty();
        }
    }

    @Test
    void withoutASenderAddressNothingIsSent() {
        startServer("smtp");

        SendResult result = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.from", ""))
                .send(email(), SEND_TIMEOUT);

        assertThat(result).isEqualTo(new SendResult.Refused("no sender address: ratelink.smtp.from is not set"));
        assertThat(server.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMockChannelSendsNothingAndReportsEachEmail() {
        startServer("smtp");
        Email email = email();

        SendResult result = channel(Map.of("ratelink.smtp.tls", "none", "ratelink.smtp.mock", "true"))
                .send(email, SEND_TIMEOUT);

        assertThat(result).isEqualTo(new SendResult.Accepted());
        assertThat(server.getReceivedMessages()).isEmpty();
        assertThat(reported).containsExactly(new SentEmail(FROM, email));
    }

    @Test
    void theDefaultsAreStarttlsOnItsPortWithTheTimeoutsOfAnEscalationTry() {
        SmtpConfig config = config(Map.of());

        assertThat(config.tls()).isEqualTo(SmtpConfig.Tls.STARTTLS);
        assertThat(config.port()).isEmpty();
        assertThat(config.tls().defaultPort()).isEqualTo(587);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.mock()).isFalse();
        assertThat(config.username()).isEmpty();
        assertThat(config(Map.of("ratelink.smtp.tls", "tls")).tls().defaultPort()).isEqualTo(465);
        assertThat(config(Map.of("ratelink.smtp.tls", "none")).tls().defaultPort()).isEqualTo(25);
    }

    /** A correct SMTP server that waits {@code delay} before each of its answers. */
    private static void answerEachCommandAfter(ServerSocket listener, Duration delay) {
        try (Socket client = listener.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            answer(out, delay, "220 slow.test ESMTP");
            boolean inData = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (inData) {
                    if (line.equals(".")) {
                        inData = false;
                        answer(out, delay, "250 queued");
                    }
                } else if (command.startsWith("DATA")) {
                    inData = true;
                    answer(out, delay, "354 go ahead");
                } else if (command.startsWith("QUIT")) {
                    answer(out, Duration.ZERO, "221 bye");
                    return;
                } else {
                    answer(out, delay, "250 ok");
                }
            }
        } catch (IOException | InterruptedException ended) {
            // the client gave up
        }
    }

    private static void answer(Writer out, Duration delay, String reply) throws IOException, InterruptedException {
        Thread.sleep(delay.toMillis());
        out.write(reply + "\r\n");
        out.flush();
    }

    private void startServer(String protocol) {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", protocol).dynamicPort());
        server.start();
    }

    private MailChannel channel(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>();
        all.put("ratelink.smtp.host", "127.0.0.1");
        all.put("ratelink.smtp.from", FROM);
        if (server != null) {
            all.put("ratelink.smtp.port", Integer.toString(server.getSmtp() != null
                    ? server.getSmtp().getPort() : server.getSmtps().getPort()));
        }
        all.putAll(properties);
        return new MailChannel(config(all), reported::add);
    }

    private static SmtpConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(SmtpConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(SmtpConfig.class);
    }

    private static Email email() {
        return new Email(TO, "Your sign-in link", Map.of("Auto-Submitted", "auto-generated"), "Sign in: https://x\n",
                "<p><a href=\"https://x\">Sign in</a></p>");
    }

    private MimeMessage onlyMessage() {
        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(server.getReceivedMessages()).hasSize(1);
        return server.getReceivedMessages()[0];
    }

    private static BodyPart part(Multipart parts, int index) throws Exception {
        return parts.getBodyPart(index);
    }
}
