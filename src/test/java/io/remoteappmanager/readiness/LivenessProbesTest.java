package io.remoteappmanager.readiness;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.testing.TestEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Liveness on a loopback web server: a ready app whose liveness is checked becomes unhealthy after its failure
 * threshold of failed checks in a row; one without liveness settings is not asked again once ready, as before.
 */
class LivenessProbesTest {

    private static final RamConfig CONFIG = TestEngine.config(Map.of());
    private static final ReadinessSettings READINESS = ReadinessSettings.of(FromConfig.probes(CONFIG).readiness(), AppSpec.Readiness.DEFAULTS);
    private static final LivenessSettings LIVENESS = new LivenessSettings("/", Duration.ofMillis(50),
            Duration.ofSeconds(1), 2);

    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer app;
    private URI url;

    @BeforeEach
    void startApp() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        app.start();
        url = URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopApp() {
        app.stop(0);
    }

    @Test
    void aReadyAppThatFailsItsThresholdOfChecksInARowIsUnhealthyWithTheReason() {
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(CONFIG), reason -> {})) {
            probes.watch(key("c"), url, READINESS, Optional.of(new LivenessCheck(LIVENESS, url)), false);
            await().atMost(Duration.ofSeconds(30)).until(() -> probes.verdict(key("c")).ready());
            int answered = requests.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> requests.get() >= answered + 3);
            assertThat(probes.verdict(key("c")).ready()).as("checks that pass keep it ready").isTrue();

            status.set(503);

            ProbeVerdict verdict = await().atMost(Duration.ofSeconds(30)).until(() -> probes.verdict(key("c")),
                    v -> v.kind() == ProbeVerdict.Kind.UNHEALTHY);
            assertThat(verdict.message()).isEqualTo("liveness: " + url
                    + " failed 2 check(s) in a row, each within 1000 ms (last: HTTP 503)");
        }
    }

    @Test
    void withoutLivenessSettingsAReadyAppIsNotAskedAgain() {
        try (ReadinessProbes probes = new ReadinessProbes(FromConfig.probes(CONFIG), reason -> {})) {
            probes.watch(key("c"), url, READINESS, Optional.empty(), false);
            await().atMost(Duration.ofSeconds(30)).until(() -> probes.verdict(key("c")).ready());
            int answered = requests.get();

            status.set(503);

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> requests.get() == answered && probes.verdict(key("c")).ready());
        }
    }

    /** A probe key for a test URL: a container id with no published address. */
    private static ProbeKey key(String containerId) {
        return new ProbeKey(containerId, Optional.empty());
    }
}
