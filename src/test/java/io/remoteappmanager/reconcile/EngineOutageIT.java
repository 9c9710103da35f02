package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.PrivateEngine;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The engine going away and coming back: the controller survives, loses nothing, and converges again. */
@Isolated("stops the shared engine")
class EngineOutageIT {

    static final AppKey ALICE = new AppKey("alice", "paraview");

    @TempDir
    Path specs;

    @Test
    void controllerSurvivesAnEngineRestartAndConvergesAgain() {
        PrivateEngine.assumeOwned();
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("outage"),
                "ram.specs.dir", specs.toString()));
                TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
            String id = await().atMost(Duration.ofSeconds(30))
                    .until(() -> running(engine), c -> c != null).id();

            PrivateEngine.stop();
            controller.loop.trigger("test: engine stopped");
            await().atMost(Duration.ofSeconds(30)).until(() -> !controller.status.current().engine().trusted());
            PrivateEngine.start();

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> controller.status.current().engine().trusted()
                    && running(engine) != null);
            assertThat(running(engine).id()).as("the same container, started again").isEqualTo(id);
        }
    }

    private static RuntimeContainer running(TestEngine engine) {
        return engine.runtime.list(engine.labels.appFilter(ALICE)).stream()
                .filter(RuntimeContainer::isRunning).findFirst().orElse(null);
    }
}
