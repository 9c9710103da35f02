package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static io.remoteappmanager.testing.TestEngine.HTTPD_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.AppStatuses;
import io.remoteappmanager.testing.LocalRegistry;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
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

/**
 * imagePullPolicy against real registries (scripts/registry.sh), one of them behind a login: each test
 * pushes under its realm's own repository, and tells images apart by id (httpd:1 and httpd:2 keep their ids
 * through push and pull).
 */
@Execution(ExecutionMode.CONCURRENT)
class ImagePullIT {

    static final AppKey ALICE = new AppKey("alice", "web");

    @TempDir
    Path specs;
    @TempDir
    Path loginSpecs;
    TestEngine engine;
    TestController controller;
    String repository;

    @BeforeEach
    void start() {
        LocalRegistry.ensureRunning();
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("pull"), "ram.specs.dir", specs.toString(),
                "ram.reconcile.initial-backoff", "1s", "ram.reconcile.max-backoff", "2s"));
        repository = engine.labels.realm().toLowerCase() + "/app";
        controller = new TestController(engine).start();
    }

    @AfterEach
    void stop() {
        controller.close();
        List<String> ours = List.of(LocalRegistry.ADDRESS + "/" + repository + ":",
                LocalRegistry.LOGIN_ADDRESS + "/" + repository + ":");
        engine.docker.listImagesCmd().exec().stream().filter(i -> i.getRepoTags() != null)
                .flatMap(i -> java.util.Arrays.stream(i.getRepoTags())).filter(tag -> ours.stream().anyMatch(tag::startsWith))
                .forEach(tag -> engine.docker.removeImageCmd(tag).exec()); // untags only: the content is the test images'
        engine.close();
    }

    @Test
    void alwaysPullsAgainOnEveryCreate() {
        String image = LocalRegistry.push(engine, HTTPD, repository, "1");
        write(image, "Always", "v1");
        assertThat(awaitRunning(null).imageId()).isEqualTo(id(HTTPD));

        registryMovesToV2WhileTheLocalTagStaysV1();
        RuntimeContainer first = awaitRunning(null);
        write(image, "Always", "v2");
        assertThat(awaitRunning(first.id()).imageId()).as("the registry's new content, pulled over the local tag").isEqualTo(id(HTTPD_V2));
    }

    @Test
    void ifNotPresentPullsOnlyWhenTheImageIsAbsent() {
        String image = LocalRegistry.push(engine, HTTPD, repository, "1");
        write(image, "IfNotPresent", "v1");
        RuntimeContainer first = awaitRunning(null);
        assertThat(first.imageId()).as("pulled, as it was absent").isEqualTo(id(HTTPD));

        registryMovesToV2WhileTheLocalTagStaysV1();
        write(image, "IfNotPresent", "v2");
        assertThat(awaitRunning(first.id()).imageId()).as("present, so not pulled again").isEqualTo(id(HTTPD));
    }

    @Test
    void neverDoesNotPullAnAbsentImage() {
        String image = LocalRegistry.push(engine, HTTPD, repository, "1");
        write(image, "Never", "v1");
        assertThat(AppStatuses.awaitRetriedFailure(controller, ALICE).lastError().orElseThrow())
                .isEqualTo("image " + image + " is not present and imagePullPolicy is Never");
        assertThat(engine.runtime.image(image)).as("not pulled").isEmpty();
    }

    @Test
    void aFailedPullIsAClearStatusAndIsRetried() {
        String image = LocalRegistry.ADDRESS + "/" + repository + "-missing:1";
        write(image, "Always", "v1");
        assertThat(AppStatuses.awaitRetriedFailure(controller, ALICE).lastError().orElseThrow())
                .startsWith("pulling image " + image + " failed: ");
        assertThat(RealmContainers.byKey(engine)).isEmpty();
    }

    @Test
    void aRegistryBehindALoginIsPulledFromWithTheConfiguredCredentials() {
        String image = LocalRegistry.pushLoggedIn(engine, HTTPD, repository, "1");
        write(image, "Always", "v1");
        assertThat(AppStatuses.awaitRetriedFailure(controller, ALICE).lastError().orElseThrow())
                .as("this controller has no credentials for it").startsWith("pulling image " + image + " failed: ")
                .contains("no basic auth credentials");
        SpecFiles.delete(specs, "alice.yaml");

        try (TestEngine loggedIn = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("login"),
                "ram.specs.dir", loginSpecs.toString(), "ram.docker.registry.server", LocalRegistry.LOGIN_ADDRESS,
                "ram.docker.registry.username", LocalRegistry.LOGIN.getUsername(),
                "ram.docker.registry.password", LocalRegistry.LOGIN.getPassword()));
                TestController withCredentials = new TestController(loggedIn).start()) {
            write(loginSpecs, image, "Always", "v1");
            await().until(() -> RealmContainers.converged(loggedIn, List.of(ALICE)));
            assertThat(RealmContainers.byKey(loggedIn).get(ALICE).get(0).imageId()).isEqualTo(id(HTTPD));
        }
    }

    /** The registry's {@code repository:1} now holds httpd:2; the engine's own tag of that name still names httpd:1. */
    private void registryMovesToV2WhileTheLocalTagStaysV1() {
        LocalRegistry.push(engine, HTTPD_V2, repository, "1");
        engine.docker.tagImageCmd(HTTPD, LocalRegistry.ADDRESS + "/" + repository, "1").exec();
    }

    private void write(String image, String policy, String version) {
        write(specs, image, policy, version);
    }

    private static void write(Path specs, String image, String policy, String version) {
        SpecFiles.write(specs, "alice.yaml", SpecFiles.app("web", "alice", image, "imagePullPolicy: " + policy,
                "environment: {VERSION: " + version + "}"));
    }

    /** The single running container of ALICE, once it is not {@code previousId}. */
    private RuntimeContainer awaitRunning(String previousId) {
        // One listing per look: a container replaced between two listings is not there for the second.
        return await().until(() -> RealmContainers.byKey(engine), all -> all.size() == 1
                && all.getOrDefault(ALICE, List.of()).size() == 1 && all.get(ALICE).get(0).state().isUp()
                && !all.get(ALICE).get(0).id().equals(previousId)).get(ALICE).get(0);
    }

    private String id(String image) {
        return engine.runtime.image(image).orElseThrow().id();
    }
}
