package io.ratelink.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's keytool once per JVM:
 * the tests' GreenMail serves SMTPS with it, and the mail channel trusts it through a trust store of its own and
 * checks the host name, as it does with a real server.
 */
public final class LocalhostCertificate {

    private static final String PASSWORD = "ratelink-local-tls";
    private static LocalhostCertificate made;

    private final Path keyStore;
    private final Path trustStore;

    private LocalhostCertificate(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /** The JVM's certificate, made at the first call. */
    public static synchronized LocalhostCertificate get() {
        if (made == null) {
            made = make();
        }
        return made;
    }

    /** A PKCS#12 trust store that holds the certificate alone. */
    public Path trustStore() {
        return trustStore;
    }

    public String trustStorePassword() {
        return PASSWORD;
    }

    /**
     * Makes the GreenMail servers of this JVM that speak TLS present this certificate instead of GreenMail's own (which
     * names no host). GreenMail reads it when its first TLS server starts, so call this before.
     */
    public void serveFromGreenMail() {
        System.setProperty("greenmail.tls.keystore.file", keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        System.setProperty("greenmail.tls.key.password", PASSWORD);
    }

    private static LocalhostCertificate make() {
        try {
            Path dir = Files.createTempDirectory("ratelink-localhost-tls");
            dir.toFile().deleteOnExit();
            Path keyStore = dir.resolve("localhost.p12");
            Path certificate = dir.resolve("localhost.cer");
            Path trustStore = dir.resolve("truststore.p12");
            keytool("-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
            keytool("-exportcert", "-alias", "localhost", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "localhost", "-file", certificate.toString(),
                    "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
            for (Path file : List.of(keyStore, certificate, trustStore)) {
                file.toFile().deleteOnExit();
            }
            return new LocalhostCertificate(keyStore, trustStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }
}
