package io.ratelink.capture.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB Local behind TLS, as the function meets DynamoDB in AWS: Debian's stunnel ({@code apt-get install
 * stunnel4}) on a loopback port, with a self-signed certificate for {@code localhost} made by openssl and imported
 * into a PKCS#12 trust store with keytool. The function's JVM and the benchmark's own trust that store only.
 */
final class TlsFront implements AutoCloseable {

    private static final String PASSWORD = "bench-trust";

    private final Process stunnel;
    private final int port;
    private final Path trustStore;

    private TlsFront(Process stunnel, int port, Path trustStore) {
        this.stunnel = stunnel;
        this.port = port;
        this.trustStore = trustStore;
    }

    static TlsFront start(Path dir, int plainPort) throws Exception {
        Files.createDirectories(dir);
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Path trustStore = dir.resolve("truststore.p12");
        Files.deleteIfExists(trustStore);
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        run(dir, "keytool", "-importcert", "-noprompt", "-alias", "dynamodb-local", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("stunnel.conf");
        Files.writeString(config, String.join("\n",
                "foreground = yes",
                "pid =",
                "debug = warning",
                "[dynamodb]",
                "accept = 127.0.0.1:" + port,
                "connect = 127.0.0.1:" + plainPort,
                "cert = " + cert,
                "key = " + key,
                ""));
        Process stunnel = new ProcessBuilder(stunnelBinary(), config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stunnel.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !stunnel.isAlive()) {
                    stunnel.destroy();
                    throw new IllegalStateException("stunnel did not listen on " + port + ": see " + dir.resolve("stunnel.log"));
                }
                Thread.sleep(50);
            }
        }
        return new TlsFront(stunnel, port, trustStore);
    }

    String endpoint() {
        return "https://localhost:" + port;
    }

    List<String> trustStoreOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    void trustInThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    private static String stunnelBinary() {
        for (String candidate : List.of("/usr/bin/stunnel4", "/usr/bin/stunnel")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("stunnel is not installed: apt-get install stunnel4 (or run with -Dbench.tls=false)");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(command[0] + ".log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: see " + dir.resolve(command[0] + ".log"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stunnel.destroy();
        stunnel.waitFor(10, TimeUnit.SECONDS);
    }
}
