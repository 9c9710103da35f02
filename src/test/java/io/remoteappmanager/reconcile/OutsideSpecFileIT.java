package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec file whose real path lies outside the spec directory (a symlink to another user's file, or to the host's
 * secrets) is refused without being read, while symlinks that stay inside it, as a Kubernetes ConfigMap volume lays
 * them out ({@code app.yaml -> ..data/app.yaml}, {@code ..data -> ..<timestamp>}), still work.
 */
class OutsideSpecFileIT {

    static final String SECRET = "s3cr3t-do-not-echo";

    @TempDir
    Path root;
    TestEngine engine;
    TestController controller;

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void aSymlinkOutOfTheDirectoryIsRefusedUnreadAndConfigMapLinksStillWork() throws Exception {
        Path specs = Files.createDirectories(root.resolve("specs"));
        Path outside = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(outside.resolve("mallory.yaml"), SpecFiles.app("web", "mallory", HTTPD));
        Files.writeString(outside.resolve("shadow"), "root:" + SECRET + ":19000:0:99999:7:::\n[" + SECRET + "\n");
        Path version = Files.createDirectories(specs.resolve("..2026_11_30_12_00_00.000000001"));
        Files.writeString(version.resolve("carol.yaml"), SpecFiles.app("web", "carol", HTTPD));
        Files.createSymbolicLink(specs.resolve("..data"), specs.relativize(version));
        Files.createSymbolicLink(specs.resolve("carol.yaml"), Path.of("..data", "carol.yaml"));
        Files.createSymbolicLink(specs.resolve("mallory.yaml"), outside.resolve("mallory.yaml"));
        Files.createSymbolicLink(specs.resolve("shadow.yaml"), outside.resolve("shadow"));
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD));

        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("outside"),
                "ram.specs.dir", specs.toString(), "ram.specs.debounce", "150ms"));
        controller = new TestController(engine).start();

        List<AppKey> inside = List.of(new AppKey("alice", "web"), new AppKey("carol", "web"));
        await().until(() -> RealmContainers.converged(engine, inside));
        controller.loop.requestPass("test: settled").get(30, TimeUnit.SECONDS);

        assertThat(RealmContainers.ids(engine)).as("apps running").containsOnlyKeys(inside);
        List<String> problems = controller.lastPass().problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("mallory.yaml:").contains("outside the spec directory"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("shadow.yaml:").contains("outside the spec directory"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains(SECRET));
    }
}
