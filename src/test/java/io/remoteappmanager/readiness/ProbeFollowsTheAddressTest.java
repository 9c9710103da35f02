package io.remoteappmanager.readiness;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A verdict holds for the address it was found at: a container served somewhere else under the same id (a swarm
 * service whose task moved to another node) is probed again there, and is not ready until it answers there. A pass
 * that forgets the probes of containers gone keeps one a worker started while the pass read the cache. A container
 * at no address yet (launched, its port not read) is not ready, even with probing off.
 */
@Execution(ExecutionMode.CONCURRENT)
class ProbeFollowsTheAddressTest {

    private final AtomicBoolean movedAnswers = new AtomicBoolean();
    private HttpServer before;
    private HttpServer after;

    @AfterEach
    void stop() {
        before.stop(0);
        after.stop(0);
    }

    @Test
    void aContainerServedAtANewAddressIsProbedAgainThere() throws IOException {
        before = server(new AtomicBoolean(true));
        after = server(movedAnswers);
        RamConfig config = TestEngine.config(Map.of());
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(config), reason -> {})) {
            ObservedContainer there = servedAt(before);
            probes.watch(there, Optional.empty());
            await().until(() -> probes.verdict(there).ready());

            ObservedContainer moved = servedAt(after);
            probes.retainOnly(() -> List.of(moved));
            probes.watch(moved, Optional.empty());

            assertThat(probes.verdict(moved).kind()).as("the old address's verdict does not carry over")
                    .isEqualTo(ProbeVerdict.Kind.PROBING);
            assertThat(probes.verdict(there).kind()).as("the old address is forgotten").isEqualTo(ProbeVerdict.Kind.PROBING);
            movedAnswers.set(true);
            await().until(() -> probes.verdict(moved).ready());
        }
    }

    @Test
    void aProbeStartedWhileAPassReadsTheCacheIsKept() throws IOException {
        before = server(new AtomicBoolean(true));
        after = server(new AtomicBoolean(true));
        RamConfig config = TestEngine.config(Map.of());
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(config), reason -> {})) {
            ObservedContainer old = servedAt(before);
            ObservedContainer started = servedAt(after, "started");
            probes.watch(old, Optional.empty());

            // the pass's read of the cache came before the worker wrote its container in, then watched it
            probes.retainOnly(() -> {
                List<ObservedContainer> running = List.of(old);
                probes.watch(started, Optional.empty());
                return running;
            });

            await().until(() -> probes.verdict(started).ready());
        }
    }

    @Test
    void aContainerWhoseAddressIsNotKnownYetIsNotReadyEvenWithProbingOff() throws IOException {
        before = server(new AtomicBoolean(true));
        after = server(new AtomicBoolean(true));
        RamConfig config = TestEngine.config(Map.of("ram.readiness.enabled", "false"));
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(config), reason -> {})) {
            ObservedContainer served = servedAt(before);
            ObservedContainer justStarted = at(served.id(), Optional.empty());

            assertThat(probes.verdict(justStarted).kind()).as("launched, its port not read yet")
                    .isEqualTo(ProbeVerdict.Kind.PROBING);
            assertThat(probes.verdict(served).ready()).as("the same container once its port is known").isTrue();
        }
    }

    /** A web server on loopback that answers 200 once {@code answers} is set, 503 before. */
    private static HttpServer server(AtomicBoolean answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(answers.get() ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** The same service (one id) served at {@code server}'s address. */
    private static ObservedContainer servedAt(HttpServer server) {
        return servedAt(server, "service1");
    }

    /** Container {@code id} served at {@code server}'s address. */
    private static ObservedContainer servedAt(HttpServer server, String id) {
        return at(id, Optional.of(new Endpoint("127.0.0.1", server.getAddress().getPort())));
    }

    /** Container {@code id} served at {@code endpoint}, or at no address known yet. */
    private static ObservedContainer at(String id, Optional<Endpoint> endpoint) {
        return new ObservedContainer(id, "realm-alice-web", new AppKey("alice", "web"), ContainerState.RUNNING,
                "ram-test/httpd:1", "hash", "0123abcd", Optional.of("/user/alice/containers/0123abcd"), Optional.empty(),
                Optional.empty(), Instant.EPOCH, endpoint, List.of(), OptionalInt.empty(), Optional.of("node-2"),
                Optional.empty(), Optional.empty(), 0, HealthStatus.NONE, Optional.empty(), "sha256:1");
    }
}
