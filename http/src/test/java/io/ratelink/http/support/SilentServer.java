package io.ratelink.http.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database that hangs instead of refusing: a server on 127.0.0.1 that accepts every connection and never answers
 * a byte, and the DynamoDB client pointed at it. What a frozen DynamoDB looks like from the function.
 */
public class SilentServer implements QuarkusTestResourceLifecycleManager {

    /** How many connections the server has accepted, across the test run. */
    public static final AtomicInteger ACCEPTED = new AtomicInteger();

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread acceptor;

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptForever, "silent-dynamodb");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + server.getLocalPort(),
                "ratelink.tables.create", "false",
                "ratelink.dev.stream-poller.enabled", "false");
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
                ACCEPTED.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
