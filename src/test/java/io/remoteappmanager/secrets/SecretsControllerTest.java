package io.remoteappmanager.secrets;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.LogCapture;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.EngineCall;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The controller's side of secrets, on the in-memory engine: an app with secrets runs, its value is nowhere in status,
 * plan or log, a changed file recreates it once, an unchanged one nothing, and a missing file makes it Invalid while
 * its container keeps running ({@code SecretsIT} does the same against dockerd, where the app reads its secrets).
 */
@Execution(ExecutionMode.CONCURRENT)
class SecretsControllerTest {

    static final String VALUE = "Pa55-value-never-shown";
    static final AppKey DB = new AppKey("alice", "db");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @TempDir
    Path specs;
    @TempDir
    Path secrets;

    @Test
    void aSecretRollsItsAppWhenItChangesAndIsNeverShown() throws Exception {
        Files.writeString(secrets.resolve("db-password"), VALUE + "\n");
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("db", "alice", HTTPD, "secrets:",
                "  DB_PASSWORD: db-password", "  DB_PASSWORD_FILE: {file: db-password, as: file}"));
        RamConfig config = TestEngine.config(Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString(),
                "ram.secrets.dir", secrets.toString(), "ram.readiness.enabled", "false"));
        try (LogCapture log = LogCapture.of("io.remoteappmanager");
                FakeEngine engine = new FakeEngine(config).withImages(HTTPD);
                TestController controller = new TestController(config, engine).start()) {
            await().until(() -> phase(controller) == Phase.Running);
            String first = containerId(controller);

            controller.pass("nothing changed");
            assertThat(containerId(controller)).isEqualTo(first);
            assertThat(engine.calls(EngineCall.CREATE)).isEqualTo(1);
            assertThat(shown(controller)).doesNotContain(VALUE);

            Files.writeString(secrets.resolve("db-password"), "rotated-" + VALUE);
            Files.setLastModifiedTime(secrets.resolve("db-password"), FileTime.from(Instant.now().plusSeconds(5)));
            controller.pass("secret rotated");
            await().until(() -> phase(controller) == Phase.Running && !containerId(controller).equals(first));
            controller.pass("settled");
            assertThat(engine.calls(EngineCall.CREATE)).as("recreated once").isEqualTo(2);

            String second = containerId(controller);
            Files.delete(secrets.resolve("db-password"));
            controller.pass("secret gone");
            await().until(() -> phase(controller) == Phase.Invalid);
            AppStatus invalid = controller.app(DB).orElseThrow();
            assertThat(invalid.message()).contains(secrets.resolve("db-password").toString());
            assertThat(invalid.containerId()).hasValue(second);
            assertThat(engine.peek(second).orElseThrow().state()).isEqualTo(ContainerState.RUNNING);

            assertThat(shown(controller)).doesNotContain(VALUE);
            assertThat(String.join("\n", log.lines())).doesNotContain(VALUE);
        }
    }

    /** Everything a reader sees: the status and app views as the API writes them, and the plan. */
    private static String shown(TestController controller) throws Exception {
        return JSON.writeValueAsString(StatusView.of(controller.status.current()))
                + JSON.writeValueAsString(AppView.of(controller.app(DB).orElseThrow()))
                + controller.loop.preview();
    }

    private static Phase phase(TestController controller) {
        return controller.app(DB).map(AppStatus::phase).orElse(null);
    }

    private static String containerId(TestController controller) {
        return controller.app(DB).flatMap(AppStatus::containerId).orElse("");
    }
}
