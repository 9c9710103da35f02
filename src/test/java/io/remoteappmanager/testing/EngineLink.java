package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A socket of its own that passes every byte to the real test engine until the test cuts it (the engine goes away:
 * connections drop, new ones are refused) or mutes it (the engine hangs: connections are accepted, nothing is
 * answered), for one controller only, while the shared engine keeps running for everyone else.
 */
public final class EngineLink implements AutoCloseable {

    private final Path socket;
    private final SocketAddress engine;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private ServerSocketChannel server;
    private boolean muted;

    private EngineLink(Path socket, SocketAddress engine) {
        this.socket = socket;
        this.engine = engine;
    }

    /** A link to the engine DOCKER_HOST names (the local socket when unset), open. */
    public static EngineLink toTestEngine() {
        try {
            EngineLink link = new EngineLink(Files.createTempDirectory("ram-engine-link").resolve("docker.sock"),
                    address(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock")));
            link.restore();
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code ram.docker.host} that reaches the engine through this link. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    /** The engine becomes unreachable: connections drop, new ones are refused. */
    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        open.forEach(EngineLink::closeQuietly);
        open.clear();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on nothing is forwarded either way: the engine, as the controller sees it, stops answering. */
    public synchronized void mute() {
        muted = true;
    }

    /** Forwarding goes on, with whatever waited meanwhile. */
    public synchronized void unmute() {
        muted = false;
        notifyAll();
    }

    /** The engine is reachable again. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSocketChannel accepting = server;
        daemon("engine-link-accept", () -> accept(accepting));
    }

    /** Cuts the link for good and removes its socket's directory. */
    @Override
    public void close() {
        unmute();
        cut();
        try {
            Files.deleteIfExists(socket.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocketChannel accepting) {
        try {
            while (true) {
                SocketChannel client = accepting.accept();
                SocketChannel upstream;
                try {
                    upstream = SocketChannel.open(engine);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                daemon("engine-link-up", () -> pump(client, upstream));
                daemon("engine-link-down", () -> pump(upstream, client));
            }
        } catch (IOException closedByCut) {
            // the link was cut: stop accepting
        }
    }

    /** Copies bytes one way until either side closes; then closes both. */
    private void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                awaitUnmuted();
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized void awaitUnmuted() throws InterruptedException {
        while (muted) {
            wait();
        }
    }

    private static SocketAddress address(String dockerHost) {
        URI uri = URI.create(dockerHost);
        return "unix".equals(uri.getScheme()) ? UnixDomainSocketAddress.of(uri.getPath())
                : new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // already gone
        }
    }
}
