package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on loopback that accepts every connection and never answers: a registry (or any server) that hangs.
 * The connections stay open until {@link #close}.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    accepted.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");
        t.setDaemon(true);
        t.start();
    }

    public static SilentServer start() {
        try {
            return new SilentServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}, as an image reference names a registry. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far (each one is being left without an answer). */
    public int connections() {
        return accepted.size();
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
