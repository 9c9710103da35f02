package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.CRASH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code restartPolicy: OnFailure} reads the exit code: a process that exits 0 has finished its work and stays
 * {@code Completed}; one that exits non-zero is started again, with back-off, and its code shows in status.
 */
class OnFailureIT {

    static final AppKey DONE = new AppKey("alice", "done");
    static final AppKey FAILING = new AppKey("alice", "failing");

    @TempDir
    Path specs;
    TestEngine engine;
    TestController controller;

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void exitZeroCompletesAndANonZeroExitRestartsWithBackOff() throws Exception {
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("onfail"),
                "ram.specs.dir", specs.toString(), "ram.specs.debounce", "150ms"));
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("done", "alice", CRASH, "restartPolicy: OnFailure",
                "environment: {EXIT_CODE: \"0\"}") + "---\n"
                + SpecFiles.app("failing", "alice", CRASH, "restartPolicy: OnFailure", "environment: {EXIT_CODE: \"3\"}"));
        controller = new TestController(engine).start();

        await().atMost(Duration.ofSeconds(90)).until(() -> phase(FAILING) == Phase.CrashLoopBackOff);
        await().until(() -> phase(DONE) == Phase.Completed);
        String done = RealmContainers.ids(engine).get(DONE);
        controller.pass("test: once more");

        AppStatus completed = controller.app(DONE).orElseThrow();
        assertThat(completed.exitCode()).isEqualTo(OptionalInt.of(0));
        assertThat(completed.last().action()).contains("create");
        assertThat(RealmContainers.ids(engine).get(DONE)).isEqualTo(done);
        AppStatus failing = controller.app(FAILING).orElseThrow();
        assertThat(failing.exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(failing.transitions()).anySatisfy(t -> assertThat(t.to()).isEqualTo(Phase.Restarting));
        assertThat(failing.message()).contains("back");
    }

    private Phase phase(AppKey key) {
        return controller.app(key).map(AppStatus::phase).orElse(null);
    }
}
