package io.remoteappmanager.manager;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.PausingRuntime;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's ContainerManager behaviours, each against the real engine. */
class ContainerManagerIT {

    @TempDir
    static Path volumeRoot;
    static TestEngine engine;
    static ContainerManager manager;

    @BeforeAll
    static void setUp() {
        // Twenty starts at once on a loaded 2-core engine: one took over 30 s to answer beside the rest of the suite.
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("cm"),
                "ram.policy.volume-roots", volumeRoot.toString(), "ram.docker.call-timeout", "90s"));
        manager = engine.manager();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void startLabelsNamesAndPublishesTheContainer() {
        Container c = manager.startContainer("alice@example.org", HTTPD, "paraview", "/user/alice/", Map.of(), Map.of());

        String prefix = engine.config.labelPrefix();
        assertThat(c.labels()).containsEntry(prefix + "realm", engine.labels.realm())
                .containsEntry(prefix + "user", "alice@example.org")
                .containsEntry(prefix + "mapping_id", "paraview")
                .containsEntry(prefix + "url_id", c.urlId())
                .containsEntry(prefix + "urlpath", "/user/alice/containers/" + c.urlId())
                .containsKey(prefix + "spec_hash")
                .containsKey(prefix + "source");
        assertThat(c.urlId()).matches("[0-9a-f]{32}");
        assertThat(c.name()).isEqualTo(engine.labels.realm() + "-alice_40example.org-paraview");
        assertThat(c.state()).isEqualTo("running");
        assertThat(c.hostIp()).isEqualTo("127.0.0.1");
        assertThat(c.hostPort()).isPositive();
    }

    @Test
    void publishedPortAnswersHttpOnLoopbackOnly() {
        Container c = manager.startContainer("bob", HTTPD, "web", "/user/bob", Map.of(), Map.of());

        String body = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> Http.get(c.hostUrl() + "/index.html"), b -> !b.isBlank());
        assertThat(body.trim()).isEqualTo("ok");
        var bindings = engine.docker.inspectContainerCmd(c.dockerId()).exec()
                .getHostConfig().getPortBindings().getBindings().values();
        assertThat(bindings).allSatisfy(list -> assertThat(list).allSatisfy(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1")));
    }

    @Test
    void environmentReachesTheContainerWithInjectedVariablesWinning() {
        Container c = manager.startContainer("carol@example.org", HTTPD, "env", "/user/carol/", Map.of(),
                Map.of("THEME", "dark", "JPY_USER", "spoofed"));

        String env = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> Http.get(c.hostUrl() + "/env.txt"), b -> b.contains("THEME"));
        assertThat(env.lines().toList()).contains("THEME=dark", "JPY_USER=carol@example.org",
                "JPY_BASE_USER_URL=/user/carol", "USER=carol", "URL_ID=" + c.urlId());
    }

    @Test
    void findsByMappingIdAndByUrlId() {
        Container c = manager.startContainer("dave", HTTPD, "find-me", "/user/dave", Map.of(), Map.of());

        assertThat(manager.containersFromMappingId("dave", "find-me")).extracting(Container::dockerId).containsExactly(c.dockerId());
        assertThat(manager.containerFromUrlId(c.urlId())).map(Container::dockerId).contains(c.dockerId());
        assertThat(manager.containerFromUrlId("0123456789abcdef0123456789abcdef")).isEmpty();
        assertThat(manager.containersFromMappingId("dave", "other")).isEmpty();
        assertThat(manager.containersFromFilters(Map.of("user", "dave"))).extracting(Container::dockerId).containsExactly(c.dockerId());
        assertThat(manager.runningContainers()).extracting(Container::dockerId).contains(c.dockerId());
    }

    @Test
    void startingAnAppThatAlreadyRunsReplacesTheOldContainer() {
        Container first = manager.startContainer("erin", HTTPD, "again", "/user/erin", Map.of(), Map.of());
        Container second = manager.startContainer("erin", HTTPD, "again", "/user/erin", Map.of(), Map.of());

        assertThat(second.dockerId()).isNotEqualTo(first.dockerId());
        assertThat(engine.runtime.inspect(first.dockerId())).isEmpty();
        assertThat(manager.containersFromMappingId("erin", "again")).extracting(Container::dockerId).containsExactly(second.dockerId());
    }

    @Test
    void secondConcurrentStartOfOneMappingRaisesOperationInProgress() throws Exception {
        PausingRuntime control = PausingRuntime.control();
        ContainerManager paused = engine.manager(PausingRuntime.pauseOn(engine.runtime, "launch", control));
        CompletableFuture<Container> first = CompletableFuture.supplyAsync(() ->
                paused.startContainer("frank", HTTPD, "dbl", "/user/frank", Map.of(), Map.of()));
        assertThat(control.entered.await(30, TimeUnit.SECONDS)).as("the paused call was entered").isTrue();

        assertThatThrownBy(() -> paused.startContainer("frank", HTTPD, "dbl", "/user/frank", Map.of(), Map.of()))
                .isInstanceOf(OperationInProgress.class).hasMessageContaining("frank/dbl");
        control.release.countDown();
        assertThat(first.get().state()).isEqualTo("running");
    }

    @Test
    void secondConcurrentStopOfOneContainerRaisesOperationInProgress() throws Exception {
        // One controller starts and stops the app: another one that wanted it would start it again meanwhile.
        PausingRuntime control = PausingRuntime.control();
        ContainerManager paused = engine.manager(PausingRuntime.pauseOn(engine.runtime, "remove", control));
        Container c = paused.startContainer("gina", HTTPD, "dbl-stop", "/user/gina", Map.of(), Map.of());
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> paused.stopAndRemoveContainer(c.dockerId()));
        assertThat(control.entered.await(30, TimeUnit.SECONDS)).as("the paused call was entered").isTrue();

        assertThatThrownBy(() -> paused.stopAndRemoveContainer(c.dockerId())).isInstanceOf(OperationInProgress.class);
        control.release.countDown();
        first.get();
        assertThat(engine.runtime.inspect(c.dockerId())).isEmpty();
    }

    @Test
    void aStartRequestedThroughTheApiShowsInThePlanBeforeItIsCarriedOut() throws Exception {
        PausingRuntime control = PausingRuntime.control();
        RemoteAppManager library = engine.library(PausingRuntime.pauseOn(engine.runtime, "launch", control));
        CompletableFuture<Container> start = CompletableFuture.supplyAsync(() ->
                library.manager().startContainer("kim", HTTPD, "planned", "/user/kim", Map.of(), Map.of()));
        assertThat(control.entered.await(30, TimeUnit.SECONDS)).as("the paused launch was entered").isTrue();

        Plan plan = library.controller().preview().plan();

        assertThat(plan.actions()).anySatisfy(action -> {
            assertThat(action.key()).isEqualTo(new AppKey("kim", "planned"));
            assertThat(action.kind()).isEqualTo(Action.Kind.CREATE);
        });
        control.release.countDown();
        assertThat(start.get(60, TimeUnit.SECONDS).state()).isEqualTo("running");
    }

    @Test
    void anAppThatASpecFileOwnsIsLeftToTheFile(@TempDir Path specs) {
        SpecFiles.write(specs, "lee.yaml", SpecFiles.app("lee-web", "lee", HTTPD, "mappingId: web"));
        try (TestEngine owned = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("cmown"),
                "ram.specs.dir", specs.toString())); TestController controller = new TestController(owned).start()) {
            AppKey key = new AppKey("lee", "web");
            String id = await().atMost(Duration.ofSeconds(60))
                    .until(() -> controller.app(key).flatMap(AppStatus::containerId), Optional::isPresent).orElseThrow();

            assertThatThrownBy(() -> controller.app.manager().startContainer("lee", HTTPD, "web", "/user/lee",
                    Map.of(), Map.of())).isInstanceOf(SpecOwnedException.class).hasMessageContaining("lee.yaml");
            assertThatThrownBy(() -> controller.app.manager().stopAndRemoveContainer(id))
                    .isInstanceOf(SpecOwnedException.class).hasMessageContaining("lee.yaml");
            assertThat(owned.runtime.inspect(id)).hasValueSatisfying(c -> assertThat(c.isRunning()).isTrue());
        }
    }

    @Test
    void stopOfAnAlreadyRemovedContainerSucceeds() {
        Container c = manager.startContainer("hank", HTTPD, "gone", "/user/hank", Map.of(), Map.of());
        manager.stopAndRemoveContainer(c.dockerId());

        manager.stopAndRemoveContainer(c.dockerId());

        assertThat(engine.runtime.inspect(c.dockerId())).isEmpty();
    }

    @Test
    void missingVolumeSourceIsAClearErrorAndCreatesNothing() {
        assertThatThrownBy(() -> manager.startContainer("ivy", HTTPD, "vol", "/user/ivy",
                Map.of("/no/such/dir", new VolumeBind("/data", "rw")), Map.of()))
                .isInstanceOf(LaunchFailedException.class).hasMessageContaining("/no/such/dir").hasMessageContaining("does not exist");
        assertThat(engine.runtime.list(engine.labels.appFilter(new AppKey("ivy", "vol")))).isEmpty();
    }

    @Test
    void failedStartRemovesWhatItCreated() throws Exception {
        // A file bound onto a directory passes create and fails at start, inside the engine.
        Path file = Files.writeString(volumeRoot.resolve("a-file"), "not a directory");
        assertThatThrownBy(() -> manager.startContainer("jack", HTTPD, "bad-start", "/user/jack",
                Map.of(file.toString(), new VolumeBind("/bin", "ro")), Map.of()))
                .isInstanceOf(LaunchFailedException.class).hasMessageContaining("start");
        assertThat(engine.runtime.list(engine.labels.appFilter(new AppKey("jack", "bad-start")))).isEmpty();
    }

    @Test
    void twentyConcurrentStartsOfDifferentKeysAllSucceed() {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Container>> starts = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    manager.startContainer("many", HTTPD, "app" + i, "/user/many", Map.of(), Map.of()), pool)).toList();
            List<Container> started = starts.stream().map(CompletableFuture::join).toList();
            assertThat(started).extracting(Container::state).containsOnly("running");
            assertThat(manager.containersFromFilters(Map.of("user", "many"))).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An image with two names is named as it was asked for: a CI run failed when another test's tag of the same image
     * came first in the engine's list of tags.
     */
    @Test
    void imageIsFoundByEitherOfItsNamesAndNamedAsAskedOrEmpty() {
        String alias = "ram-test/cm-alias-" + engine.labels.realm() + ":1";
        engine.docker.tagImageCmd(HTTPD, alias.substring(0, alias.lastIndexOf(':')), "1").exec();
        try {
            assertThat(manager.image(HTTPD)).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(HTTPD));
            assertThat(manager.image(alias)).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(alias));
        } finally {
            engine.docker.removeImageCmd(alias).exec();
        }
        assertThat(manager.image("ram-test/absent:0")).isEmpty();
    }
}
