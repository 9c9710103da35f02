package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix socket in front of the real engine, for tests of an engine that hangs or drops its connections without
 * stopping the engine every other test shares: a controller pointed at {@link #dockerHost()} talks to the real
 * engine until the test calls {@link #hang()} (connections are accepted, nothing is answered) or {@link #cut()}
 * (every open connection, the event stream included, is closed).
 */
public final class EngineProxy implements AutoCloseable {

    private final Path socket;
    private final Path engine;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private boolean hung;

    private EngineProxy(Path engine) throws IOException {
        this.engine = engine;
        this.socket = Files.createTempDirectory("ram-engine-proxy").resolve("docker.sock");
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread accept = new Thread(this::accept, "engine-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** A proxy in front of the engine DOCKER_HOST names (a {@code unix://} socket). */
    public static EngineProxy start() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        try {
            return new EngineProxy(Path.of(host.replaceFirst("^unix://", "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the engine proxy", e);
        }
    }

    /** The address a controller under test uses ({@code ram.docker.host}). */
    public String dockerHost() {
        return "unix://" + socket;
    }

    /** From now on nothing is forwarded either way: the engine, as the controller sees it, stops answering. */
    public synchronized void hang() {
        hung = true;
    }

    /** Forwarding goes on. */
    public synchronized void resume() {
        hung = false;
        notifyAll();
    }

    /** Closes every open connection, as an engine restart would. */
    public void cut() {
        open.forEach(EngineProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        resume();
        cut();
        closeQuietly(server);
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine));
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    awaitForwarding();
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        to.write(buffer);
                    }
                    buffer.clear();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "engine-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private synchronized void awaitForwarding() throws InterruptedException {
        while (hung) {
            wait();
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
