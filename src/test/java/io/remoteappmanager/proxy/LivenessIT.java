package io.remoteappmanager.proxy;

import static io.remoteappmanager.proxy.ProxyRoutesIT.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Health after start, on the real engine and CHP: an app that stops answering, or whose image's HEALTHCHECK says
 * unhealthy, is Unhealthy, loses its route at once and is recreated under the same urlpath. Its command waits 3 s
 * before serving, so the new container is not ready for a while: long enough to see the route gone.
 */
@Execution(ExecutionMode.CONCURRENT)
class LivenessIT {

    static final AppKey ALICE = new AppKey("alice", "web");
    static final String SLOW_START = "command: [/bin/sh, -c, 'sleep 3; exec /bin/sh /ram-httpd.sh']";

    @TempDir
    Path specs;

    @Test
    void anAppThatStopsAnsweringLosesItsRouteAndIsRecreated() {
        Chp chp = Chp.shared();
        try (TestEngine engine = TestEngine.withConfig(settings(chp, "alive"));
                TestController controller = new TestController(engine).start()) {
            List<AppStatus> seen = record(controller);
            // A check answered in 2 s is alive: a loaded machine can hold one a second, so a shorter timeout
            // made the app unhealthy before it was stopped (it was recreated, and the stop hit the old one).
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", TestEngine.HTTPD, "mappingId: web",
                    SLOW_START, "liveness: {period: 200ms, timeout: 2s, failureThreshold: 2}"));
            AppStatus routed = awaitRouted(controller, chp, null);
            assertThat(lastUnhealthy(seen)).as("unhealthy before it stopped answering").isNull();

            engine.exec(routed.containerId().orElseThrow(), "/bin/sh", "-c", "kill -STOP $(pidof httpd)");

            AppStatus unhealthy = awaitUnhealthy(seen);
            assertThat(unhealthy.message()).startsWith("unhealthy: recreating container ")
                    .contains("liveness: " + routed.hostUrl().orElseThrow() + routed.urlpath().orElseThrow()
                            + "/ failed 2 check(s) in a row");
            assertThat(unhealthy.containerId()).isEqualTo(routed.containerId());
            waiting().until(() -> chp.route(routed.urlpath().orElseThrow()).isEmpty());

            AppStatus recreated = awaitRouted(controller, chp, routed.containerId().orElseThrow());
            assertThat(recreated.urlpath()).as("the same url id").isEqualTo(routed.urlpath());
            assertThat(engine.runtime.inspect(routed.containerId().orElseThrow())).isEmpty();
            SpecFiles.delete(specs, "alice.yaml");
        }
    }

    @Test
    void anImageWhoseHealthcheckSaysUnhealthyIsTreatedTheSameAndBacksOffWithoutItsRoute() {
        Chp chp = Chp.shared();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Map<String, String> settings = settings(chp, "healthcheck");
        settings.put("ram.liveness.enabled", "true");
        settings.put("ram.reconcile.initial-backoff", "4m");
        try (TestEngine engine = TestEngine.withConfig(settings, metrics);
                TestController controller = new TestController(engine, metrics).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-web", "alice", TestEngine.HEALTH, "mappingId: web",
                    SLOW_START));
            AppStatus routed = awaitRouted(controller, chp, null);
            // HEALTHCHECK runs (an exec event each 500 ms) cost no inspect: the count settles, though the start may
            // still cost a late one on a loaded machine.
            AtomicReference<Double> lastCount = new AtomicReference<>(-1.0);
            waiting().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        double now = inspects(metrics);
                        return lastCount.getAndSet(now) == now;
                    });
            List<AppStatus> seen = record(controller);

            engine.exec(routed.containerId().orElseThrow(), "touch", "/tmp/unhealthy");

            AppStatus unhealthy = awaitUnhealthy(seen);
            assertThat(unhealthy.message()).contains("its image's HEALTHCHECK reports it unhealthy (HEALTHCHECK exited 1)");
            AppStatus recreated = awaitRouted(controller, chp, routed.containerId().orElseThrow());
            assertThat(recreated.urlpath()).isEqualTo(routed.urlpath());
            String second = recreated.containerId().orElseThrow();

            engine.exec(second, "touch", "/tmp/unhealthy");

            AppStatus held = waiting().until(() -> controller.app(ALICE).orElseThrow(),
                    s -> s.phase() == Phase.Unhealthy && s.message().startsWith("back-off: "));
            assertThat(held.message()).contains("keeps failing its liveness checks (1 recreates); next recreate at");
            assertThat(held.containerId()).contains(second);
            // Held, its container runs and its image's check is its only verdict: the phase alone takes the route.
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> chp.route(routed.urlpath().orElseThrow()).isEmpty());
            assertThat(engine.runtime.inspect(second)).as("kept until its back-off ends").isPresent();
            SpecFiles.delete(specs, "alice.yaml");
        }
    }

    /** Waits until ALICE is Running in a container other than {@code previous}, and CHP routes to it. */
    private static AppStatus awaitRouted(TestController controller, Chp chp, String previous) {
        AppStatus running = waiting().until(() -> controller.app(ALICE).orElse(null), s -> s != null
                && s.phase() == Phase.Running && s.urlpath().isPresent() && !s.containerId().orElseThrow().equals(previous));
        waiting().until(() -> chp.route(running.urlpath().orElseThrow()).map(ProxyRoute::target),
                running.hostUrl()::equals);
        return running;
    }

    /** Every status of ALICE published from now on. */
    private static List<AppStatus> record(TestController controller) {
        List<AppStatus> seen = new CopyOnWriteArrayList<>();
        controller.status.listen(snapshot -> snapshot.app(ALICE).ifPresent(seen::add));
        return seen;
    }

    /** Waits for an Unhealthy status among {@code seen}; when none comes, says which statuses came instead. */
    private static AppStatus awaitUnhealthy(List<AppStatus> seen) {
        try {
            return waiting().until(() -> lastUnhealthy(seen), s -> s != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no Unhealthy status; alice's statuses meanwhile: " + seen.stream()
                    .map(s -> s.phase() + " " + s.containerId().orElse("-") + " " + s.message()).distinct().toList(), e);
        }
    }

    private static AppStatus lastUnhealthy(List<AppStatus> seen) {
        return seen.stream().filter(s -> s.phase() == Phase.Unhealthy).reduce((a, b) -> b).orElse(null);
    }

    /** Container inspects so far: each engine event the cache does not skip costs one. */
    private static double inspects(SimpleMeterRegistry metrics) {
        return metrics.find("ram.docker.api.calls").tag("operation", "inspect").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Map<String, String> settings(Chp chp, String purpose) {
        Map<String, String> settings = new HashMap<>(chp.settings());
        settings.put("ram.realm", TestEngine.uniqueRealm(purpose));
        settings.put("ram.specs.dir", specs.toString());
        return settings;
    }
}
