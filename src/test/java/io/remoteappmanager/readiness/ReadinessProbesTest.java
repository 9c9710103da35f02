package io.remoteappmanager.readiness;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many containers probed at once share a bounded number of requests in flight, and all become ready; those waiting for
 * a slot go in turn, started containers' before adopted ones', and adopted ones take none while held.
 */
class ReadinessProbesTest {

    private static final int MAX_CONCURRENT = 4;
    private static final int CONTAINERS = 40;
    /** A request may take one period: longer than the test, so no request times out and is sent again meanwhile. */
    private static final ReadinessSettings SETTINGS = ReadinessSettings.of(FromConfig.probes(TestEngine.config(Map.of())).readiness(),
            new AppSpec.Readiness(Optional.empty(), Optional.of(Duration.ofSeconds(60)), Optional.of(Duration.ofSeconds(120))));

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    /** The paths the app was asked for, in order. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final CountDownLatch answer = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer app;

    @BeforeEach
    void startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.setExecutor(handlers);
        app.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
    }

    @AfterEach
    void stopApp() {
        answer.countDown();
        app.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void probesBeyondTheBoundWaitTheirTurnAndAllBecomeReady() {
        URI url = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/");
        RamConfig config = TestEngine.config(Map.of("ram.readiness.max-concurrent", String.valueOf(MAX_CONCURRENT)));
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(config), reason -> {})) {
            IntStream.range(0, CONTAINERS).forEach(i -> probes.watch(key("c" + i), url, SETTINGS, Optional.empty(), false));

            await().until(() -> inFlight.get() >= MAX_CONCURRENT);
            assertThat(IntStream.range(0, CONTAINERS).filter(i -> !probes.verdict(key("c" + i)).ready()).count())
                    .as("none answered yet").isEqualTo(CONTAINERS);
            answer.countDown();

            await().until(() -> IntStream.range(0, CONTAINERS).allMatch(i -> probes.verdict(key("c" + i)).ready()));
            assertThat(mostInFlight.get()).as("requests in flight at once, at most").isEqualTo(MAX_CONCURRENT);
        }
    }

    @Test
    void aUrlTheHttpClientRefusesGivesItsSlotBack() {
        URI good = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/");
        URI refused = URI.create("http:/no-host/");
        answer.countDown();
        RamConfig config = TestEngine.config(Map.of("ram.readiness.max-concurrent", "1"));
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(config), reason -> {})) {
            probes.watch(key("refused"), refused, SETTINGS, Optional.empty(), false);
            probes.watch(key("good"), good, SETTINGS, Optional.empty(), false);

            await().until(() -> probes.verdict(key("good")).ready());
            assertThat(probes.verdict(key("refused")).ready()).as("the refused URL never answers").isFalse();
        }
    }

    @Test
    void aStartedContainerIsProbedBeforeAdoptedOnesWaitingForASlot() {
        String base = "http://127.0.0.1:" + app.getAddress().getPort() + "/";
        RamConfig config = TestEngine.config(Map.of("ram.readiness.max-concurrent", "1"));
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(config), reason -> {})) {
            probes.watch(key("adopted-0"), URI.create(base + "adopted-0"), SETTINGS, Optional.empty(), true);
            await().until(() -> inFlight.get() == 1);
            List.of("adopted-1", "adopted-2").forEach(id ->
                    probes.watch(key(id), URI.create(base + id), SETTINGS, Optional.empty(), true));
            probes.watch(key("started"), URI.create(base + "started"), SETTINGS, Optional.empty(), false);
            answer.countDown();

            await().until(() -> asked.size() == 4);
            assertThat(asked).as("the one slot's requests, in order")
                    .containsExactly("/adopted-0", "/started", "/adopted-1", "/adopted-2");
        }
    }

    @Test
    void heldAdoptedProbesTakeNoSlotUntilReleasedWhileStartedOnesGoAtOnce() {
        String base = "http://127.0.0.1:" + app.getAddress().getPort() + "/";
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(TestEngine.config(Map.of())), reason -> {})) {
            Runnable release = probes.holdAdopted();
            List.of("adopted-0", "adopted-1").forEach(id ->
                    probes.watch(key(id), URI.create(base + id), SETTINGS, Optional.empty(), true));
            probes.watch(key("started"), URI.create(base + "started"), SETTINGS, Optional.empty(), false);

            assertThat(probes.waitingForASlot()).as("adopted probes held back, though slots are free").isEqualTo(2);
            await().until(() -> asked.contains("/started"));
            release.run();

            await().until(() -> asked.size() == 3);
            assertThat(asked.get(0)).isEqualTo("/started");
            assertThat(asked).containsExactlyInAnyOrder("/started", "/adopted-0", "/adopted-1");
            assertThat(probes.waitingForASlot()).isZero();
        }
    }

    /** A probe key for a test URL: a container id with no published address. */
    private static ProbeKey key(String containerId) {
        return new ProbeKey(containerId, Optional.empty());
    }
}
