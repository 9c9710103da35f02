package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.EngineCall;
import io.remoteappmanager.testing.fake.FakeEngine;
import io.remoteappmanager.testing.fake.FakeImage;
import io.remoteappmanager.testing.fake.Hang;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * One engine call that never returns holds its own key only, on the in-memory engine: a pull that hangs leaves that
 * app Pending while another app converges, and fails at the pull deadline, naming the call, with back-off
 * ({@link StuckCallIT} does the same against dockerd and a registry that never answers).
 */
@Execution(ExecutionMode.CONCURRENT)
class StuckCallTest {

    static final String STUCK_IMAGE = "127.0.0.1:5999/ram-test/stuck:1";
    static final AppKey STUCK = new AppKey("alice", "stuck");
    static final AppKey BOB = new AppKey("bob", "web");

    @TempDir
    Path specs;

    @Test
    void aPullThatNeverAnswersHoldsOnlyItsKey() {
        RamConfig config = TestEngine.config(Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString(),
                "ram.readiness.enabled", "false", "ram.docker.pull-timeout", "15s",
                "ram.reconcile.initial-backoff", "1h", "ram.reconcile.max-backoff", "1h"));
        try (FakeEngine engine = new FakeEngine(config).withImages(HTTPD)
                        .publish(FakeImage.serving(STUCK_IMAGE).published());
                TestController controller = new TestController(config, engine).start()) {
            Hang pull = engine.hang(EngineCall.PULL);
            SpecFiles.write(specs, "alice.yaml",
                    SpecFiles.app("stuck", "alice", STUCK_IMAGE, "imagePullPolicy: Always"));
            await().until(pull::entered);

            SpecFiles.write(specs, "bob.yaml", SpecFiles.app("web", "bob", HTTPD));
            await().until(() -> controller.app(BOB).map(AppStatus::phase).orElse(null), Phase.Running::equals);
            assertThat(controller.app(STUCK).map(AppStatus::phase)).as("still pulling").contains(Phase.Pending);
            assertThat(pull.operation()).contains("pull " + STUCK_IMAGE);

            pull.expire();
            AppStatus failed = await().until(() -> controller.app(STUCK).orElse(null),
                    s -> s != null && s.phase() == Phase.Failed && s.lastError().isPresent());
            assertThat(failed.lastError().orElseThrow()).contains("pull " + STUCK_IMAGE)
                    .contains("did not answer within 15000 ms (ram.docker.pull-timeout)");
            assertThat(failed.message()).contains("next try at");
            assertThat(engine.calls(EngineCall.PULL)).as("no second pull within the back-off").isEqualTo(1);
        }
    }
}
