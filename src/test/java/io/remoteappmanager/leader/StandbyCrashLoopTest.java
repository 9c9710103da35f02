package io.remoteappmanager.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.app.SpecSources;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.source.ForwardingSpecSource;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.ManualJobs;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standby counts the crash restarts it watches the leader make, so it calls a crash loop CrashLoopBackOff as the
 * leader does: when it takes the lead it carries on the episode the leader told instead of beginning a new one. It
 * counts the restarts its passes never saw, too: a standby busy when the leader restarted an app still counts it.
 */
class StandbyCrashLoopTest {

    static final String HTTPD = "ram-test/httpd:1";
    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path specs;
    @TempDir
    Path state;
    FakeEngine engine;
    RemoteAppManager leader;
    RemoteAppManager standby;
    HeldSource standbySource;
    final List<Phase> standbyPhases = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        RamConfig config = TestEngine.config(Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString(),
                "ram.readiness.enabled", "false", "ram.reconcile.initial-backoff", "1h", "ram.reconcile.max-backoff", "1h",
                "ram.leader-election.enabled", "true",
                "ram.leader-election.lock-file", state.resolve("realm.lock").toString()));
        engine = new FakeEngine(config).withImages(HTTPD);
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));
        leader = RemoteAppManager.assemble(config, engine, new SimpleMeterRegistry(), new ManualJobs());
        leader.start();
        SimpleMeterRegistry standbyMetrics = new SimpleMeterRegistry();
        standbySource = new HeldSource(SpecSources.fromConfig(config, standbyMetrics));
        standby = RemoteAppManager.assemble(config, engine, standbySource, standbyMetrics, new ManualJobs());
        standby.status().listen(snapshot -> snapshot.app(ALICE).ifPresent(app -> standbyPhases.add(app.phase())));
        standby.start();
    }

    @AfterEach
    void stop() {
        standbySource.release();
        standby.close();
        leader.close();
        engine.close();
    }

    @Test
    void theStandbyCallsTheLeadersCrashLoopCrashLoopBackOffToo() {
        assertThat(leader.leadership().leads()).isTrue();
        assertThat(standby.leadership().leads()).isFalse();
        String id = await().until(() -> status(standby), s -> s.isPresent() && s.get().phase() == Phase.Running)
                .flatMap(AppStatus::containerId).orElseThrow();

        engine.kill(id); // the leader restarts it at once: the first crash of its version
        await().until(() -> engine.starts(id) == 2 && engine.peek(id).orElseThrow().isRunning());
        engine.kill(id); // the leader holds the next restart for an hour

        await().until(() -> phase(leader) == Phase.CrashLoopBackOff);
        await().until(() -> phase(standby) == Phase.CrashLoopBackOff);
        assertThat(engine.starts(id)).as("the standby restarted nothing").isEqualTo(2);
    }

    @Test
    void theStandbyCountsARestartItsPassesNeverSaw() {
        String id = await().until(() -> status(standby), s -> s.isPresent() && s.get().phase() == Phase.Running)
                .flatMap(AppStatus::containerId).orElseThrow();

        standbySource.hold(); // the standby's passes wait, as a busy one's would, while the leader restarts the app
        engine.kill(id);
        await().until(() -> engine.starts(id) == 2 && engine.peek(id).orElseThrow().isRunning());
        standbySource.release();
        standby.controller().requestPass("the test").join();
        assertThat(phase(standby)).as("the standby never saw the app down").isEqualTo(Phase.Running);

        int seen = standbyPhases.size();
        engine.kill(id); // the leader holds the next restart for an hour
        await().until(() -> phase(leader) == Phase.CrashLoopBackOff);
        await().until(() -> phase(standby) == Phase.CrashLoopBackOff);
        assertThat(standbyPhases.subList(seen, standbyPhases.size()))
                .as("the standby calls the second crash a crash loop at once, as the leader does")
                .doesNotContain(Phase.Restarting);
    }

    private Optional<AppStatus> status(RemoteAppManager controller) {
        return controller.status().current().app(ALICE);
    }

    private Phase phase(RemoteAppManager controller) {
        return status(controller).map(AppStatus::phase).orElse(null);
    }

    /** The standby's spec source, whose reads (and so the standby's passes) can be held back for a while. */
    private static final class HeldSource extends ForwardingSpecSource {
        private volatile CountDownLatch released = new CountDownLatch(0);

        HeldSource(SpecSource source) {
            super(source);
        }

        void hold() {
            released = new CountDownLatch(1);
        }

        void release() {
            released.countDown();
        }

        @Override
        public DesiredState read() {
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.read();
        }
    }
}
