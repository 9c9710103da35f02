package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app's protection follows its document, not the file name in its {@code source} label: a {@code #} in the file
 * name, or a file renamed while it is broken, never gets a running app pruned, even by a controller that starts
 * afresh and has never seen the file parse.
 */
class RenamedSpecFileIT {

    static final AppKey ALICE = new AppKey("alice", "web");
    static final AppKey BOB = new AppKey("bob", "web");
    static final AppKey CAROL = new AppKey("carol", "web");
    static final String BROKEN = "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata: {name: x\n";

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
    void brokenAndRenamedFilesKeepTheirAppsAcrossARestart() throws Exception {
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("renamed"),
                "ram.specs.dir", specs.toString(), "ram.specs.debounce", "150ms"));
        SpecFiles.write(specs, "team#1.yaml", SpecFiles.app("alice-web", "alice", HTTPD, "mappingId: web"));
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD, "mappingId: web"));
        SpecFiles.write(specs, "carol.yaml", SpecFiles.app("carol-web", "carol", HTTPD, "mappingId: web"));
        controller = new TestController(engine).start();
        await().until(() -> RealmContainers.converged(engine, List.of(ALICE, BOB, CAROL)));
        Map<AppKey, String> ids = RealmContainers.ids(engine);
        controller.close();

        SpecFiles.write(specs, "team#1.yaml", BROKEN);
        Files.delete(specs.resolve("bob.yaml"));
        SpecFiles.write(specs, "bob-renamed.yaml", BROKEN);
        controller = new TestController(engine).start();
        controller.pass("test: after the restart");

        await().until(() -> phase(ALICE) == Phase.Invalid && phase(BOB) == Phase.Invalid);
        assertThat(controller.app(ALICE).orElseThrow().message()).contains("team#1.yaml is broken");
        assertThat(controller.app(BOB).orElseThrow().message()).contains("bob-renamed.yaml");
        assertThat(RealmContainers.ids(engine)).isEqualTo(ids);
        await().until(() -> phase(CAROL) == Phase.Running);
    }

    private Phase phase(AppKey key) {
        return controller.app(key).map(AppStatus::phase).orElse(null);
    }
}
