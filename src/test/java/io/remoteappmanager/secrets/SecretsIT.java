package io.remoteappmanager.secrets;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.LogCapture;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Secrets on dockerd: the app gets one as an environment variable and one as a file at /run/secrets (read back from
 * the container itself), a rotated file recreates it and an unchanged one nothing, a missing file makes it Invalid
 * while its container runs on, and the value shows in no status, plan, log, metric or notification.
 */
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ) // it captures log records
class SecretsIT {

    static final String VALUE = "Db-Pa55-visible-nowhere";
    static final String LICENCE = "licence-key-line-1\nline-2\n";
    static final AppKey DB = new AppKey("alice", "db");
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @TempDir
    Path specs;
    @TempDir
    Path secrets;

    @Test
    void theAppSeesItsSecretsARotationRollsItAndAMissingFileLeavesItRunning() throws Exception {
        Files.writeString(secrets.resolve("db-password"), VALUE + "\n");
        Files.writeString(secrets.resolve("licence"), LICENCE);
        MeterRegistry metrics = new SimpleMeterRegistry();
        try (WebhookReceiver receiver = WebhookReceiver.start();
                LogCapture log = LogCapture.of("io.remoteappmanager");
                TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("secrets"),
                        "ram.specs.dir", specs.toString(), "ram.secrets.dir", secrets.toString(),
                        "ram.notify.webhooks[0].url", receiver.url()));
                TestController controller = new TestController(engine, metrics).start()) {
            SpecFiles.write(specs, "alice.yaml", SpecFiles.app("db", "alice", HTTPD, "secrets:",
                    "  DB_PASSWORD: db-password", "  LICENCE_FILE: {file: licence, as: file}"));
            await().until(() -> phase(controller) == Phase.Running);
            String first = containerId(controller);

            assertThat(environment(engine, first)).contains("DB_PASSWORD=" + VALUE, "LICENCE_FILE=/run/secrets/licence");
            assertThat(file(engine, first, "/run/secrets/licence")).isEqualTo(LICENCE);

            controller.pass("nothing changed");
            assertThat(containerId(controller)).as("an unchanged secret recreates nothing").isEqualTo(first);

            Files.writeString(secrets.resolve("licence"), "rotated-" + LICENCE);
            Files.setLastModifiedTime(secrets.resolve("licence"), FileTime.from(Instant.now().plusSeconds(5)));
            controller.pass("licence rotated");
            await().until(() -> phase(controller) == Phase.Running && !containerId(controller).equals(first));
            String second = containerId(controller);
            assertThat(file(engine, second, "/run/secrets/licence")).isEqualTo("rotated-" + LICENCE);

            Files.delete(secrets.resolve("db-password"));
            controller.pass("password gone");
            await().until(() -> phase(controller) == Phase.Invalid);
            assertThat(containerId(controller)).isEqualTo(second);
            assertThat(engine.docker.inspectContainerCmd(second).exec().getState().getRunning())
                    .as("the app's container runs on").isTrue();
            await().untilAsserted(() -> assertThat(bodies(receiver)).contains("db-password"));

            String shown = JSON.writeValueAsString(StatusView.of(controller.status.current()))
                    + JSON.writeValueAsString(AppView.of(controller.app(DB).orElseThrow()))
                    + controller.loop.preview() + metrics.getMeters().stream().map(m -> m.getId().toString()).toList()
                    + String.join("\n", log.lines()) + bodies(receiver);
            assertThat(shown).contains("alice").doesNotContain(VALUE).doesNotContain("licence-key-line");
        }
    }

    private static String bodies(WebhookReceiver receiver) {
        return receiver.requests().stream().map(r -> new String(r.body(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> environment(TestEngine engine, String id) {
        return List.of(engine.docker.inspectContainerCmd(id).exec().getConfig().getEnv());
    }

    /** The file's content as the container holds it, read back through the engine's archive of it. */
    private static String file(TestEngine engine, String id, String path) throws IOException {
        try (InputStream archive = engine.docker.copyArchiveFromContainerCmd(id, path).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(archive)) {
            TarArchiveEntry entry = tar.getNextEntry();
            assertThat(entry.getMode() & 0777).as("root's, readable by every user").isEqualTo(0444);
            return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Phase phase(TestController controller) {
        return controller.app(DB).map(AppStatus::phase).orElse(null);
    }

    private static String containerId(TestController controller) {
        return controller.app(DB).flatMap(AppStatus::containerId).orElse("");
    }
}
