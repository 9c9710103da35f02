package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.HTTPD_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The reconciler end to end: spec files in, real containers out, one realm and directory per test. */
@Execution(ExecutionMode.CONCURRENT)
class ReconcileEndToEndIT {

    static final AppKey ALICE = new AppKey("alice", "paraview");

    @TempDir
    Path root;
    Path specs;
    TestEngine engine;
    TestController controller;

    @BeforeEach
    void startController() throws Exception {
        specs = Files.createDirectories(root.resolve("specs"));
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("e2e"), "ram.specs.dir", specs.toString()));
        controller = new TestController(engine).start();
    }

    @AfterEach
    void stopController() {
        controller.close();
        engine.close();
    }

    @Test
    void droppedSpecBecomesARunningReachableApp() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));

        RuntimeContainer c = awaitOneRunning(ALICE);
        String body = await().ignoreExceptions().until(() -> Http.get(url(c) + "/index.html"), b -> !b.isBlank());
        assertThat(body.trim()).isEqualTo("ok");
        await().until(() -> controller.app(ALICE).map(s -> s.phase() == Phase.Running).orElse(false));
    }

    @Test
    void editedSpecRecreatesTheContainerKeepingItsUrlId() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        RuntimeContainer first = awaitOneRunning(ALICE);

        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD_V2, "mappingId: paraview"));

        RuntimeContainer second = await().until(() -> oneRunning(ALICE), c -> c != null && !c.id().equals(first.id()));
        assertThat(urlId(second)).isEqualTo(urlId(first));
        assertThat(engine.runtime.inspect(first.id())).isEmpty();
        assertThat(await().ignoreExceptions().until(() -> Http.get(url(second) + "/index.html"), b -> !b.isBlank()).trim())
                .isEqualTo("v2");
    }

    @Test
    void reformattedSpecRecreatesNothing() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        RuntimeContainer first = awaitOneRunning(ALICE);

        SpecFiles.write(specs, "alice.yaml", """
                # the same app, reformatted
                kind: "RemoteApp"
                apiVersion: 'remoteappmanager/v1'
                spec: {image: "%s", mappingId: paraview,   user: alice}
                metadata: {name: alice-paraview}
                """.formatted(HTTPD));
        PassResult pass = controller.trustedPass("test");

        assertThat(pass.outcomes()).isEmpty();
        assertThat(oneRunning(ALICE).id()).isEqualTo(first.id());
    }

    @Test
    void deletedSpecRemovesItsContainer() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
        RuntimeContainer alice = awaitOneRunning(ALICE);
        awaitOneRunning(new AppKey("bob", "bob-web"));

        SpecFiles.delete(specs, "alice.yaml");

        await().until(() -> engine.runtime.inspect(alice.id()).isEmpty());
        assertThat(containers(new AppKey("bob", "bob-web"))).hasSize(1);
    }

    @Test
    void killedContainerRunsAgain() {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        RuntimeContainer c = awaitOneRunning(ALICE);

        engine.docker.killContainerCmd(c.id()).exec();

        await().until(() -> engine.runtime.inspect(c.id()).map(RuntimeContainer::isRunning).orElse(false)
                && controller.app(ALICE).map(s -> s.lastAction().orElse("").equals("restart")).orElse(false));
    }

    @Test
    void brokenFileRemovesNothing() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        RuntimeContainer c = awaitOneRunning(ALICE);

        SpecFiles.write(specs, "alice.yaml", "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nspec: [unclosed\n");
        PassResult pass = controller.trustedPass("test");

        assertThat(pass.outcomes()).isEmpty();
        assertThat(oneRunning(ALICE).id()).isEqualTo(c.id());
        assertThat(controller.lastPass().problems()).anySatisfy(p -> assertThat(p).startsWith("alice.yaml:"));
        assertThat(controller.app(ALICE).orElseThrow().phase()).isEqualTo(Phase.Invalid);
    }

    @Test
    void emptiedDirectoryRemovesNothing() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        RuntimeContainer c = awaitOneRunning(ALICE);

        SpecFiles.delete(specs, "alice.yaml");
        PassResult pass = controller.trustedPass("test");

        assertThat(pass.outcomes()).isEmpty();
        assertThat(oneRunning(ALICE).id()).isEqualTo(c.id());
        assertThat(controller.lastPass().warnings()).anySatisfy(w -> assertThat(w).contains("pruning nothing"));
    }

    @Test
    void foreignAndOtherRealmContainersAreUntouched() throws Exception {
        try (TestEngine other = TestEngine.withFreshRealm("other")) {
            String otherRealms = other.manager().startContainer("alice", HTTPD, "paraview", "/user/alice", Map.of(), Map.of()).dockerId();
            String unlabelled = engine.docker.createContainerCmd(HTTPD).withName(engine.labels.realm() + "-foreign")
                    .withLabels(Map.of(engine.labels.key(LabelScheme.USER), "alice")).exec().getId();
            try {
                engine.docker.startContainerCmd(unlabelled).exec();
                SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
                awaitOneRunning(new AppKey("bob", "bob-web"));
                controller.loop.requestPass("test").get(30, TimeUnit.SECONDS);

                assertThat(other.runtime.inspect(otherRealms)).map(RuntimeContainer::isRunning).contains(true);
                assertThat(engine.runtime.inspect(unlabelled)).map(RuntimeContainer::isRunning).contains(true);
            } finally {
                engine.runtime.remove(unlabelled);
            }
        }
    }

    @Test
    void restartedControllerAdoptsWhatRunsAndRecreatesNothing() throws Exception {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        SpecFiles.write(specs, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
        List<String> before = List.of(awaitOneRunning(ALICE).id(), awaitOneRunning(new AppKey("bob", "bob-web")).id());
        controller.close();

        controller = new TestController(engine).start();
        PassResult pass = controller.trustedPass("test");

        assertThat(pass.outcomes()).isEmpty();
        assertThat(List.of(oneRunning(ALICE).id(), oneRunning(new AppKey("bob", "bob-web")).id())).isEqualTo(before);
        // adopted containers are probed once (Starting) and are Running as soon as they answer
        await().until(() -> controller.app(ALICE).map(AppStatus::phase), Optional.of(Phase.Running)::equals);
    }

    @Test
    void symlinkSwapOfTheWholeDirectoryAppliesTheNewSpecs() throws Exception {
        controller.close();
        Path current = root.resolve("current");
        Path rev1 = Files.createDirectories(root.resolve("rev1"));
        Path rev2 = Files.createDirectories(root.resolve("rev2"));
        SpecFiles.write(rev1, "alice.yaml", SpecFiles.app("alice-paraview", "alice", HTTPD, "mappingId: paraview"));
        SpecFiles.write(rev2, "bob.yaml", SpecFiles.app("bob-web", "bob", HTTPD));
        Files.createSymbolicLink(current, rev1.getFileName());
        try (TestEngine swapped = TestEngine.withConfig(Map.of("ram.realm", engine.labels.realm(), "ram.specs.dir", current.toString()))) {
            controller = new TestController(swapped).start();
            RuntimeContainer alice = awaitOneRunning(ALICE);

            Path next = root.resolve(".current-next");
            Files.createSymbolicLink(next, rev2.getFileName());
            Files.move(next, current, java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            awaitOneRunning(new AppKey("bob", "bob-web"));
            await().until(() -> engine.runtime.inspect(alice.id()).isEmpty());
            controller.close(); // before its engine handle goes
        }
    }

    /** Waits until the key has exactly one running container and the controller says so (its start is over). */
    private RuntimeContainer awaitOneRunning(AppKey key) {
        return await().until(() -> oneRunning(key), c -> c != null && c.endpoint().isPresent()
                && controller.app(key).filter(s -> s.phase() == Phase.Running && s.containerId().orElse("").equals(c.id())).isPresent());
    }

    private RuntimeContainer oneRunning(AppKey key) {
        List<RuntimeContainer> found = containers(key);
        return found.size() == 1 && found.get(0).isRunning() ? found.get(0) : null;
    }

    private List<RuntimeContainer> containers(AppKey key) {
        return engine.runtime.list(engine.labels.appFilter(key));
    }

    private String urlId(RuntimeContainer c) {
        return engine.labels.get(c.labels(), LabelScheme.URL_ID).orElseThrow();
    }

    private static String url(RuntimeContainer c) {
        return c.endpoint().orElseThrow().url();
    }
}
