package io.remoteappmanager.proxy;

import static io.remoteappmanager.proxy.ProxyRoutesIT.waiting;
import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Readiness before routing: Starting and no route until the app answers; an app that never does is retried. */
@Execution(ExecutionMode.CONCURRENT)
class ReadinessIT {

    static final AppKey ALICE = new AppKey("alice", "paraview");

    @TempDir
    Path specs;

    @Test
    void appIsStartingWithoutRouteUntilItsWebServerAnswers() {
        Chp chp = Chp.shared();
        try (TestEngine engine = TestEngine.withConfig(settings(chp, "ready")); TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview",
                    "command: [/bin/sh, -c, 'sleep 3; exec /bin/sh /ram-httpd.sh']"));

            AppStatus starting = waiting().until(() -> controller.app(ALICE).orElse(null),
                    s -> s != null && s.phase() == Phase.Starting && s.urlpath().isPresent());
            assertThat(starting.message()).startsWith("starting:");
            assertThat(chp.route(starting.urlpath().orElseThrow())).isEmpty();

            AppStatus running = waiting().until(() -> controller.app(ALICE).orElseThrow(), s -> s.phase() == Phase.Running);
            assertThat(running.containerId()).isEqualTo(starting.containerId());
            waiting().until(() -> chp.route(running.urlpath().orElseThrow()).map(ProxyRoute::target), running.hostUrl()::equals);
        }
    }

    @Test
    void appThatNeverAnswersIsFailedRemovedAndRetriedAfterBackOff() {
        Map<String, String> settings = settings(Chp.shared(), "never");
        settings.put("ram.reconcile.initial-backoff", "1s");
        try (TestEngine engine = TestEngine.withConfig(settings); TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview",
                    "command: [/bin/sleep, '3600']", "readiness: {timeout: 2s}"));
            String first = waiting().until(() -> controller.app(ALICE).flatMap(AppStatus::containerId).orElse(null),
                    id -> id != null);

            AppStatus failed = waiting().until(() -> controller.app(ALICE).orElseThrow(),
                    s -> s.phase() == Phase.Failed && s.lastError().isPresent());
            assertThat(failed.lastError()).hasValueSatisfying(e -> assertThat(e).contains("did not answer below 500 within 2000 ms"));
            assertThat(engine.runtime.inspect(first)).isEmpty();

            waiting().until(() -> controller.app(ALICE).flatMap(AppStatus::containerId).filter(id -> !id.equals(first)),
                    retried -> retried.isPresent());
            SpecFiles.delete(specs, "alice.yaml");
        }
    }

    @Test
    void adoptedContainerThatDoesNotAnswerIsNeverRemoved() {
        Map<String, String> settings = settings(Chp.shared(), "adopted");
        String app = SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview",
                "command: [/bin/sleep, '3600']", "readiness: {timeout: 1s}");
        try (TestEngine engine = TestEngine.withConfig(settings)) {
            String adopted = startedByAnotherController(engine, app);

            try (TestController second = new TestController(engine).start()) {
                waiting().until(() -> second.app(ALICE).flatMap(AppStatus::containerId), id -> id.equals(Optional.of(adopted)));
                second.loop.requestPass("test").join();
                waiting().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> engine.runtime.inspect(adopted).isPresent());
                assertThat(second.app(ALICE).orElseThrow().phase()).isEqualTo(Phase.Starting);
            }
            SpecFiles.delete(specs, "alice.yaml");
        }
    }

    @Test
    void adoptedContainerThatAnswersAfterItsProbeTimedOutBecomesRunning() {
        Map<String, String> settings = settings(Chp.shared(), "late");
        String app = SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview",
                "command: [/bin/sh, -c, 'sleep 8; exec /bin/sh /ram-httpd.sh']", "readiness: {timeout: 1s}");
        try (TestEngine engine = TestEngine.withConfig(settings)) {
            String adopted = startedByAnotherController(engine, app);

            try (TestController second = new TestController(engine).start()) {
                waiting().until(() -> second.app(ALICE).orElse(null),
                        s -> s != null && s.message().startsWith("not ready:"));
                AppStatus running = waiting().until(() -> second.app(ALICE).orElseThrow(), s -> s.phase() == Phase.Running);
                assertThat(running.containerId()).as("adopted, never replaced").contains(adopted);
            }
            SpecFiles.delete(specs, "alice.yaml");
        }
    }

    @Test
    void aRestartedControllerKeepsTheRoutesOfAdoptedAppsWhileItProbesThem() {
        Chp chp = Chp.shared();
        Map<String, String> settings = settings(chp, "keep");
        Map<String, String> unprobed = new HashMap<>(settings);
        unprobed.put("ram.readiness.enabled", "false");
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview",
                "command: [/bin/sleep, '3600']", "readiness: {timeout: 60s}"));
        try (TestEngine engine = TestEngine.withConfig(settings)) {
            AppStatus routed;
            try (TestController first = new TestController(TestEngine.withConfig(unprobed)).start()) {
                routed = waiting().until(() -> first.app(ALICE).orElse(null),
                        s -> s != null && s.phase() == Phase.Running && s.urlpath().isPresent());
                waiting().until(() -> chp.route(routed.urlpath().orElseThrow()).map(ProxyRoute::target), routed.hostUrl()::equals);
            }

            try (TestController second = new TestController(engine).start()) {
                waiting().until(() -> second.app(ALICE).map(AppStatus::phase), Optional.of(Phase.Starting)::equals);
                Instant asked = Instant.now();
                second.loop.requestPass("test").join();
                waiting().until(() -> second.proxy().lastSyncAt().filter(asked::isBefore).isPresent());
                assertThat(second.app(ALICE).orElseThrow().containerId()).isEqualTo(routed.containerId());
                assertThat(chp.route(routed.urlpath().orElseThrow()).map(ProxyRoute::target))
                        .as("the route stays while the adopted app's probe decides").isEqualTo(routed.hostUrl());
            }
            SpecFiles.delete(specs, "alice.yaml");
        }
    }

    /**
     * Has a first controller start {@code app} (its readiness timeout, 1s, raised to 60s so that this
     * controller never removes it) and stop again; then writes {@code app} itself for the next controller,
     * which adopts the container. Returns the container's id.
     */
    private String startedByAnotherController(TestEngine engine, String app) {
        String id;
        try (TestController first = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", app.replace("timeout: 1s", "timeout: 60s"));
            id = waiting().until(() -> first.app(ALICE).filter(s -> s.lastAction().isPresent())
                    .flatMap(AppStatus::containerId).orElse(null), c -> c != null);
        }
        SpecFiles.write(specs, "alice.yaml", app);
        return id;
    }

    private Map<String, String> settings(Chp chp, String purpose) {
        Map<String, String> settings = new HashMap<>(chp.settings());
        settings.put("ram.realm", TestEngine.uniqueRealm(purpose));
        settings.put("ram.specs.dir", specs.toString());
        return settings;
    }
}
