package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.Transition;
import io.remoteappmanager.testing.SilentServer;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * One engine call that never returns holds its own key only: a pull from a registry that accepts the connection
 * and never answers leaves that app Pending while every other app converges, and fails at the pull deadline,
 * naming the call, with back-off.
 */
@Execution(ExecutionMode.CONCURRENT)
class StuckCallIT {

    static final AppKey STUCK = new AppKey("alice", "stuck");
    static final AppKey BOB = new AppKey("bob", "web");

    @TempDir
    Path specs;

    @Test
    void aPullThatNeverAnswersHoldsOnlyItsKey() {
        try (SilentServer registry = SilentServer.start();
                TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("stuck"),
                        "ram.specs.dir", specs.toString(), "ram.docker.pull-timeout", "15s"));
                TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("stuck", "alice",
                    registry.address() + "/ram-test/stuck:1", "imagePullPolicy: Always"));
            await().until(() -> registry.connections() > 0);

            SpecFiles.write(specs, "bob.yaml", SpecFiles.app("web", "bob", HTTPD));
            Instant bobRunning = await().until(() -> controller.app(BOB).orElse(null),
                    s -> s != null && s.phase() == Phase.Running).since();

            AppStatus failed = await().atMost(Duration.ofSeconds(60)).until(() -> controller.app(STUCK).orElse(null),
                    s -> s != null && s.phase() == Phase.Failed && s.lastError().isPresent());
            Instant firstFailure = failed.transitions().stream().filter(t -> t.to() == Phase.Failed)
                    .map(Transition::at).findFirst().orElseThrow();
            assertThat(bobRunning).as("bob ran while the pull was still hanging").isBefore(firstFailure);
            assertThat(failed.lastError().orElseThrow()).contains("pull " + registry.address())
                    .contains("did not answer within 15000 ms (ram.docker.pull-timeout)");
            assertThat(failed.message()).contains("next try at");
        }
    }
}
