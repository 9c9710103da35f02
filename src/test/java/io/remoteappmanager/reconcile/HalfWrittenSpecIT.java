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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A spec file caught half written (truncated to 0 bytes between truncate and write, or a valid prefix of what an
 * {@code scp} over a slow link is still writing) never prunes or recreates anything.
 */
@Execution(ExecutionMode.CONCURRENT)
class HalfWrittenSpecIT {

    static final AppKey FIRST = new AppKey("alice", "first");
    static final AppKey SECOND = new AppKey("alice", "second");
    static final String BOTH = SpecFiles.app("first", "alice", HTTPD) + "---\n" + SpecFiles.app("second", "alice", HTTPD);

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
    void theOnlyFileTruncatedToZeroBytesRemovesNothing() throws Exception {
        start("150ms");
        SpecFiles.write(specs, "alice.yaml", BOTH);
        await().until(() -> RealmContainers.converged(engine, List.of(FIRST, SECOND)));
        Map<AppKey, String> ids = RealmContainers.ids(engine);

        Files.write(specs.resolve("alice.yaml"), new byte[0]);

        await().until(() -> controller.lastPass().warnings().stream().anyMatch(w -> w.contains("pruning nothing")));
        PassResult pass = controller.loop.requestPass("test: after the truncate").get(30, TimeUnit.SECONDS);
        assertThat(pass.outcomes()).as("actions after the truncate").isEmpty();
        assertThat(RealmContainers.ids(engine)).isEqualTo(ids);
    }

    @Test
    void aValidPrefixOfAFileBeingWrittenRemovesNothing() throws Exception {
        start("60s"); // a window the loaded CI machine cannot outlast between the write and the pass
        SpecFiles.write(specs, "alice.yaml", BOTH);
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("web", "bob", HTTPD));
        List<AppKey> all = List.of(FIRST, SECOND, new AppKey("bob", "web"));
        await().until(() -> RealmContainers.converged(engine, all));
        Map<AppKey, String> ids = RealmContainers.ids(engine);

        // In place, as scp writes: the first document is there, the second is still on its way.
        Files.writeString(specs.resolve("alice.yaml"), SpecFiles.app("first", "alice", HTTPD));
        PassResult pass = controller.loop.requestPass("test: mid-write").get(30, TimeUnit.SECONDS);

        assertThat(pass.outcomes()).as("actions while the file is being written").isEmpty();
        assertThat(RealmContainers.ids(engine)).isEqualTo(ids);
    }

    private void start(String debounce) throws Exception {
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("half"),
                "ram.specs.dir", Files.createDirectories(specs).toString(), "ram.specs.debounce", debounce));
        controller = new TestController(engine).start();
    }
}
