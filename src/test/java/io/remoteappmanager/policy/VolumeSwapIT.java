package io.remoteappmanager.policy;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.RuntimeContainer;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A volume directory swapped for a symlink after its spec was read: the engine resolves a bind again at every
 * start, so the policy must be checked again right before every create and every start, on the path as it
 * resolves then. Here the swap points outside the volume roots (standing in for the host's /etc).
 */
@Execution(ExecutionMode.CONCURRENT)
class VolumeSwapIT {

    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path root;
    Path specs;
    Path home;
    Path data;
    Path outside;
    TestEngine engine;
    TestController controller;

    @BeforeEach
    void runAppWithVolumes() throws Exception {
        specs = Files.createDirectories(root.resolve("specs"));
        home = Files.createDirectories(root.resolve("roots/alice"));
        data = Files.createDirectories(home.resolve("data"));
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "host secret\n");
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("vswap"),
                "ram.specs.dir", specs.toString(), "ram.policy.volume-roots", root.resolve("roots").toString()));
        controller = new TestController(engine).start();
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD,
                "volumes: {" + home + ": {bind: /workspace}, " + data + ": {bind: /data}}"));
        await().until(() -> RealmContainers.converged(engine, List.of(ALICE)));
    }

    @AfterEach
    void stop() {
        controller.close();
        engine.close();
    }

    @Test
    void aRestartAfterTheSwapIsRefusedAndTheContainerStaysStopped() throws Exception {
        String id = RealmContainers.ids(engine).get(ALICE);
        swapDataForSymlinkOutside();

        engine.docker.killContainerCmd(id).exec();

        AppStatus failed = awaitPolicyFailure();
        assertThat(failed.lastAction()).contains("restart");
        InspectContainerResponse after = engine.docker.inspectContainerCmd(id).exec();
        assertThat(after.getState().getRunning()).as("container started again").isFalse();
        assertThat(RealmContainers.byKey(engine).get(ALICE)).extracting(RuntimeContainer::id).containsExactly(id);
    }

    @Test
    void aCreateFromTheCachedSpecAfterTheSwapIsRefused() throws Exception {
        String id = RealmContainers.ids(engine).get(ALICE);
        swapDataForSymlinkOutside();

        engine.docker.removeContainerCmd(id).withForce(true).exec();

        AppStatus failed = awaitPolicyFailure();
        assertThat(failed.lastAction()).contains("create");
        assertThat(RealmContainers.byKey(engine)).as("no container created").isEmpty();
    }

    @Test
    void theResolvedRealPathIsWhatGetsBound() throws Exception {
        Path linked = Files.createSymbolicLink(root.resolve("roots/alias"), home);
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", HTTPD,
                "volumes: {" + linked + ": {bind: /workspace}}"));

        // ignoreExceptions: a container replaced between the listing and the inspect is looked at again
        await().ignoreExceptions().until(() -> RealmContainers.converged(engine, List.of(ALICE))
                && binds(RealmContainers.ids(engine).get(ALICE)).length == 1);
        assertThat(binds(RealmContainers.ids(engine).get(ALICE))).containsExactly(home.toRealPath() + ":/workspace:rw");
    }

    private String[] binds(String id) {
        return java.util.Arrays.stream(engine.docker.inspectContainerCmd(id).exec().getHostConfig().getBinds())
                .map(Object::toString).toArray(String[]::new);
    }

    /** What the app's user can do from inside the container through its /workspace bind. */
    private void swapDataForSymlinkOutside() throws Exception {
        Files.move(data, home.resolve("data.old"));
        Files.createSymbolicLink(data, outside);
    }

    private AppStatus awaitPolicyFailure() {
        return await().until(() -> controller.app(ALICE).orElse(null),
                s -> s != null && s.phase() == Phase.Failed && s.lastError().filter(e -> e.contains("policy")).isPresent());
    }
}
