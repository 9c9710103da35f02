package io.remoteappmanager.cli;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.manager.Container;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.QuarkusLock;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code plan DIR} against the real engine: it prints what a pass would do and changes nothing. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = QuarkusLock.NAME, mode = ResourceAccessMode.READ) // the command line reads system properties
class PlanCommandIT {

    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void freshRealm() {
        engine = TestEngine.withFreshRealm("plan");
    }

    @AfterEach
    void removeContainers() {
        engine.close();
    }

    @Test
    void printsCreateAndPruneWithReasonsAndChangesNothing() {
        Container orphan = engine.manager().startContainer("zed", HTTPD, "orphan", "/user/zed", Map.of(), Map.of());
        SpecFiles.write(dir, "alice.yaml", SpecFiles.app("alice-web", "alice", HTTPD, "mappingId: web"));

        CliRun run = CliRun.of("plan", "--realm", engine.config.realm(), dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^alice/web\\s+Pending\\s+.+$")
                .containsPattern("(?m)^zed/orphan\\s+Removing\\s+.+$")
                .containsPattern("(?m)^would create alice/web: .+$")
                .containsPattern("(?m)^would remove zed/orphan \\[[0-9a-f]{12}\\]: .+$");
        List<RuntimeContainer> after = engine.runtime.list(engine.labels.realmFilter());
        assertThat(after).extracting(RuntimeContainer::id).containsExactly(orphan.dockerId());
        assertThat(after.get(0).isRunning()).isTrue();
    }

    @Test
    void saysSoWhenNothingIsToDo() {
        CliRun run = CliRun.of("plan", "--realm", engine.config.realm(), dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 app(s) desired, 0 container(s) observed").contains("no action");
    }

    @Test
    void unreachableEngineExitsOneNamingIt() {
        CliRun run = CliRun.of("plan", "--realm", engine.config.realm(), "--docker-host",
                "unix:///tmp/ram-no-engine.sock", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach the Docker engine at unix:///tmp/ram-no-engine.sock");
    }

    @Test
    void missingDirectoryIsAUsageError() {
        CliRun run = CliRun.of("plan", dir.resolve("absent").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("not a directory");
    }
}
