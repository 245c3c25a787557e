package io.ratelink.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback TCP relay in front of the tests' SMTP server, to play the failures a real one has: answering the end of
 * a message only after the client gave up waiting (the message is delivered all the same), or taking connections and
 * never answering at all.
 */
final class SmtpRelay {

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int target;
    private final int port;
    private volatile ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Duration lateAnswer = Duration.ZERO;
    private volatile boolean hanging;

    SmtpRelay(int target) {
        this.target = target;
        listen(0);
        this.port = listener.getLocalPort();
    }

    int port() {
        return port;
    }

    /** Drops every connection and refuses new ones, as a server that is down. */
    void down() {
        close();
    }

    /** Takes connections again, on the same port. */
    void up() {
        if (listener.isClosed()) {
            listen(port);
        }
    }

    private void listen(int on) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
            listener = socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocket accepting = listener;
        Thread acceptor = new Thread(() -> accept(accepting), "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** From now on the server's answer to the end of each message waits this long (the message is taken at once). */
    void answerLate(Duration delay) {
        lateAnswer = delay;
        hanging = false;
    }

    /** From now on connections are taken and never answered. */
    void hang() {
        hanging = true;
    }

    /** Back to relaying at once; connections left mid-conversation by a hang or a late answer are dropped. */
    void answerNormally() {
        lateAnswer = Duration.ZERO;
        hanging = false;
        open.forEach(SmtpRelay::closeQuietly);
        open.clear();
    }

    void close() {
        try {
            listener.close();
            open.forEach(SmtpRelay::closeQuietly);
            open.clear();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(SmtpRelay::closeQuietly);
    }

    private void accept(ServerSocket accepting) {
        while (!accepting.isClosed()) {
            try {
                Socket client = accepting.accept();
                open.add(client);
                if (hanging) {
                    daemon(() -> drain(client));
                    continue;
                }
                Socket server;
                try {
                    server = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException down) {
                    closeQuietly(client);
                    continue;
                }
                open.add(server);
                AtomicBoolean messageEnded = new AtomicBoolean();
                daemon(() -> pump(client, server, messageEnded, true));
                daemon(() -> pump(server, client, messageEnded, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean messageEnded, boolean clientToServer) {
        byte[] buffer = new byte[8192];
        byte[] tail = new byte[END_OF_DATA.length];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (hanging) {
                    continue;
                }
                if (clientToServer) {
                    if (endsMessage(tail, buffer, read)) {
                        messageEnded.set(true);
                    }
                } else if (messageEnded.getAndSet(false) && !lateAnswer.isZero()) {
                    Thread.sleep(lateAnswer.toMillis());
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Whether the bytes read so far, with the last few before them, end with the end-of-message marker. */
    private static boolean endsMessage(byte[] tail, byte[] buffer, int read) {
        byte[] joined = new byte[tail.length + read];
        System.arraycopy(tail, 0, joined, 0, tail.length);
        System.arraycopy(buffer, 0, joined, tail.length, read);
        System.arraycopy(joined, joined.length - tail.length, tail, 0, tail.length);
        for (int i = 0; i + END_OF_DATA.length <= joined.length; i++) {
            boolean match = true;
            for (int j = 0; j < END_OF_DATA.length && match; j++) {
                match = joined[i + j] == END_OF_DATA[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static void drain(Socket client) {
        try (InputStream in = client.getInputStream()) {
            while (in.read() >= 0) {
                // read and never answer
            }
        } catch (IOException ignored) {
            // closed
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "smtp-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
