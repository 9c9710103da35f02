package io.remoteappmanager.readiness;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.ProbeVerdict;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.PausingRuntime;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A container that never becomes ready is removed by a planned action, so {@code plan} shows the removal with its
 * reason; and only an app that has a spec, is Starting and was started by this controller is ever removed for
 * readiness: a suspended one, or one whose spec file broke, keeps its container.
 */
@Execution(ExecutionMode.CONCURRENT)
class ReadinessRemovalIT {

    static final AppKey ALICE = new AppKey("alice", "web");
    /** Runs, but nothing ever listens on its port. */
    static final String NEVER_READY = "command: [/bin/sh, -c, 'trap \"exit 0\" TERM; while true; do sleep 1; done']";

    @TempDir
    Path specs;

    @Test
    void aReadinessRemovalIsAPlannedActionThatPlanShows() throws Exception {
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("rplan"),
                "ram.specs.dir", specs.toString()))) {
            PausingRuntime removal = PausingRuntime.control();
            try (TestController controller = new TestController(engine,
                    PausingRuntime.pauseOn(engine.runtime, "remove", removal), new SimpleMeterRegistry()).start()) {
                SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD, NEVER_READY,
                        "readiness: {timeout: 2s}"));

                assertThat(removal.entered.await(60, TimeUnit.SECONDS)).as("the removal began").isTrue();
                List<Action> planned = controller.loop.preview().plan().actions();
                removal.release.countDown();

                assertThat(planned).singleElement().satisfies(action -> {
                    assertThat(action.kind()).isEqualTo(Action.Kind.REMOVE);
                    assertThat(action.key()).isEqualTo(ALICE);
                    assertThat(action.reason()).contains("not ready").contains("within 2000 ms");
                });
                await().until(() -> controller.app(ALICE).flatMap(AppStatus::lastError).isPresent());
            }
        }
    }

    @Test
    void aSuspendedAppIsNeverRemovedForReadiness() throws Exception {
        neverRemoved("rsusp", SpecFiles.app("web", "alice", HTTPD, NEVER_READY, "readiness: {timeout: 2s}",
                "suspend: true"), Phase.Suspended);
    }

    @Test
    void anAppWhoseSpecBrokeIsNeverRemovedForReadiness() throws Exception {
        neverRemoved("rbroken", "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nspec: [broken\n", Phase.Invalid);
    }

    /** Starts a never-ready app, turns its file into {@code later} before its probe gives up, and checks it stays. */
    private void neverRemoved(String purpose, String later, Phase expected) throws Exception {
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm(purpose),
                "ram.specs.dir", specs.toString()));
                TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD, NEVER_READY,
                    "readiness: {timeout: 4s}"));
            String id = await().until(() -> controller.app(ALICE).filter(s -> s.phase() == Phase.Starting)
                    .flatMap(AppStatus::containerId).orElse(null), c -> c != null);
            SpecFiles.write(specs, "alice.yaml", later);
            await().until(() -> controller.app(ALICE).map(AppStatus::phase).orElse(null), expected::equals);

            await().until(() -> controller.app.cache().forKey(ALICE).stream().filter(c -> c.id().equals(id))
                    .anyMatch(c -> controller.app.probes().verdict(c).kind() == ProbeVerdict.Kind.NOT_READY));
            PassResult pass = controller.pass("test: after the probe gave up");

            assertThat(pass.outcomes()).isEmpty();
            assertThat(RealmContainers.ids(engine).get(ALICE)).isEqualTo(id);
            assertThat(controller.app(ALICE).map(AppStatus::phase)).contains(expected);
        }
    }
}
