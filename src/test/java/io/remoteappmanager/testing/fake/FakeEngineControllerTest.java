package io.remoteappmanager.testing.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real controller, assembled as the application assembles it, runs on the fake engine: no dockerd needed. */
class FakeEngineControllerTest {

    static final String HTTPD = "ram-test/httpd:1";
    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path specs;
    FakeEngine engine;
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    RemoteAppManager controller;

    @BeforeEach
    void start() {
        RamConfig config = TestEngine.config(Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString(),
                "ram.readiness.enabled", "false", "ram.reconcile.initial-backoff", "1h", "ram.reconcile.max-backoff", "1h"));
        engine = new FakeEngine(config).withImages(HTTPD);
        controller = RemoteAppManager.assemble(config, engine, metrics, new ManualJobs());
    }

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void aSpecFileBecomesARunningAppAndANoOpPassMakesNoEngineCall() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));
        controller.start();

        AppStatus running = await().until(() -> status(ALICE), s -> s.isPresent() && s.get().phase() == Phase.Running)
                .orElseThrow();
        assertThat(engine.peek(running.containerId().orElseThrow()).orElseThrow().isRunning()).isTrue();
        assertThat(engine.calls(EngineCall.CREATE)).isEqualTo(1);
        assertThat(engine.calls(EngineCall.START)).isEqualTo(1);

        pass(); // the create's and the start's events may still be on their way
        long before = engine.totalCalls();
        PassResult noOp = pass();

        assertThat(noOp.plan()).as("planned on a trusted cache").isPresent();
        assertThat(noOp.outcomes()).isEmpty();
        assertThat(engine.totalCalls() - before).as("engine calls of a pass with nothing to do").isZero();
    }

    @Test
    void aKilledContainerIsRestarted() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));
        controller.start();
        String id = await().until(() -> status(ALICE), s -> s.isPresent() && s.get().phase() == Phase.Running)
                .flatMap(AppStatus::containerId).orElseThrow();

        engine.kill(id);

        await().until(() -> engine.starts(id) == 2 && engine.peek(id).orElseThrow().isRunning());
        await().until(() -> status(ALICE).flatMap(AppStatus::lastAction).orElse(""), "restart"::equals);
        assertThat(engine.calls(EngineCall.CREATE)).as("restarted, not recreated").isEqualTo(1);
    }

    @Test
    void aFailingCreateIsOneFailureThatBacksOff() throws Exception {
        engine.fail(EngineCall.CREATE, FakeEngine.error("no space left on device"));
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));
        controller.start();

        AppStatus failed = await().until(() -> status(ALICE), s -> s.isPresent() && s.get().phase() == Phase.Failed)
                .orElseThrow();
        pass();
        pass();

        assertThat(failed.lastError().orElseThrow()).contains("create fake-").contains("no space left on device");
        assertThat(status(ALICE).orElseThrow().message()).contains("next try at");
        assertThat(engine.calls(EngineCall.CREATE)).as("no retry within the back-off").isEqualTo(1);
        assertThat(metrics.counter("ram.actions", "kind", "create", "outcome", "failed").count())
                .as("history entries").isEqualTo(1);
    }

    private Optional<AppStatus> status(AppKey key) {
        return controller.status().current().app(key);
    }

    private PassResult pass() throws Exception {
        return controller.controller().requestPass("test").get(30, TimeUnit.SECONDS);
    }
}
