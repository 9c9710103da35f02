package io.remoteappmanager.runtime.docker;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sub-second {@code ram.stop-timeout} still gives the app its SIGTERM and time to shut down: the engine counts whole
 * seconds, and the timeout is rounded up, never down to 0 (an immediate SIGKILL, exit code 137). The app here takes
 * 0.3 s to stop.
 */
class StopTimeoutIT {

    @TempDir
    Path specs;

    @Test
    void aSubSecondStopTimeoutStillStopsTheAppCleanly() throws Exception {
        AppKey key = new AppKey("alice", "web");
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("stoptime"),
                "ram.specs.dir", specs.toString(), "ram.stop-timeout", "500ms"))) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD,
                    "environment: {STOP_DELAY: \"0.3\"}"));
            try (TestController controller = new TestController(engine).start()) {
                await().until(() -> RealmContainers.converged(engine, List.of(key)));
            }

            RuntimeContainer stopped = engine.runtime.stop(RealmContainers.ids(engine).get(key));

            assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
            assertThat(stopped.exitCode()).as("exit code: 0 after SIGTERM, 137 after SIGKILL").isEqualTo(OptionalInt.of(0));
        }
    }
}
