package io.ratelink.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntConsumer;

/**
 * The embedded engines' one rule for starting: once per JVM, on a free port of 127.0.0.1. The endpoint is remembered
 * in a system property, so that a dev-mode hot reload, which loads the engine's class again in a new class loader,
 * reuses the running engine instead of starting a second one.
 */
final class LoopbackEngines {

    private LoopbackEngines() {
    }

    /**
     * The endpoint of the engine remembered under {@code property}, e.g. {@code http://127.0.0.1:43121}; the first
     * call starts it with {@code start} on a free port and stops it with {@code stop} when the JVM exits.
     */
    static synchronized String once(String property, IntConsumer start, Runnable stop, String stopThreadName) {
        String running = System.getProperty(property);
        if (running != null) {
            return running;
        }
        int port = freePort();
        start.accept(port);
        String endpoint = "http://127.0.0.1:" + port;
        System.setProperty(property, endpoint);
        Runtime.getRuntime().addShutdownHook(new Thread(stop, stopThreadName));
        return endpoint;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
