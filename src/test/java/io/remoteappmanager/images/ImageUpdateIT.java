package io.remoteappmanager.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.LocalRegistry;
import io.remoteappmanager.testing.OutOfService;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Image updates on the real engine and the test registry (127.0.0.1:5000): new content pushed under the tag of
 * imagePullPolicy Always apps recreates them, within the disruption budget, and their status shows the new digest;
 * a registry that cannot be reached changes nothing.
 */
@Execution(ExecutionMode.CONCURRENT)
class ImageUpdateIT {

    static final int APPS = 3;
    static final String ALWAYS = "imagePullPolicy: Always";

    @TempDir
    Path specs;

    @BeforeAll
    static void registry() {
        LocalRegistry.ensureRunning();
    }

    @Test
    void aNewImageUnderTheSameTagRecreatesItsAppsOneAtATimeAndStatusShowsItsDigest() throws Exception {
        String realm = TestEngine.uniqueRealm("imgupd");
        try (TestEngine engine = TestEngine.withConfig(settings(realm))) {
            String image = LocalRegistry.push(engine, TestEngine.HTTPD, realm + "/app", "latest");
            String first = registryDigest(realm + "/app", "latest");
            List<AppKey> keys = IntStream.range(0, APPS).mapToObj(i -> {
                SpecFiles.write(specs, "app-" + i + ".yaml", SpecFiles.app("app-" + i, "alice", image, ALWAYS));
                return new AppKey("alice", "app-" + i);
            }).toList();
            try (TestController controller = new TestController(engine).start()) {
                await().atMost(Duration.ofSeconds(90)).until(() -> keys.stream()
                        .allMatch(k -> running(controller, k).flatMap(AppStatus::imageDigest).equals(Optional.of(first))));
                Map<AppKey, String> before = ids(controller, keys);

                try (OutOfService down = new OutOfService(engine)) {
                    LocalRegistry.push(engine, TestEngine.HTTPD_V2, realm + "/app", "latest");
                    String second = registryDigest(realm + "/app", "latest");
                    assertThat(second).isNotEqualTo(first);

                    await().atMost(Duration.ofSeconds(120)).until(() -> keys.stream().allMatch(k ->
                            running(controller, k).filter(s -> !s.containerId().orElseThrow().equals(before.get(k)))
                                    .flatMap(AppStatus::imageDigest).equals(Optional.of(second))));
                    assertThat(down.most()).as("apps out of service at once (max-disruptions 1)").isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aRegistryThatCannotBeReachedChangesNothing() throws Exception {
        String realm = TestEngine.uniqueRealm("imgdown");
        try (TestEngine engine = TestEngine.withConfig(settings(realm))) {
            // The pushed image, pulled back, also named after a registry nobody listens at: it carries a digest.
            String pushed = LocalRegistry.push(engine, TestEngine.HTTPD, realm + "/app", "1");
            engine.docker.pullImageCmd(LocalRegistry.ADDRESS + "/" + realm + "/app").withTag("1").start().awaitCompletion();
            String unreachable = "127.0.0.1:1/" + realm + "/app";
            engine.docker.tagImageCmd(pushed, unreachable, "1").exec();
            String image = unreachable + ":1";
            // Started IfNotPresent (a pull would fail); the pull policy is no part of the spec hash.
            SpecFiles.write(specs, "app.yaml", SpecFiles.app("app", "alice", image));
            AppKey key = new AppKey("alice", "app");
            try (TestController controller = new TestController(engine).start()) {
                AppStatus started = await().atMost(Duration.ofSeconds(60)).until(() -> running(controller, key)
                        .filter(s -> s.imageDigest().isPresent()).orElse(null), s -> s != null);

                SpecFiles.write(specs, "app.yaml", SpecFiles.app("app", "alice", image, ALWAYS));

                await().atMost(Duration.ofSeconds(30)).until(() -> controller.lastPass().warnings().stream()
                        .anyMatch(w -> w.startsWith("image check: " + image + ": ")));
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                        running(controller, key).flatMap(AppStatus::containerId).equals(started.containerId()));
            } finally {
                engine.docker.removeImageCmd(image).withForce(true).exec(); // untags: the container keeps its image
                engine.docker.removeImageCmd(pushed).withForce(true).exec();
            }
        }
    }

    private Map<String, String> settings(String realm) {
        return Map.of("ram.realm", realm, "ram.specs.dir", specs.toString(), "ram.images.check-interval", "500ms",
                "ram.reconcile.max-disruptions", "1");
    }

    private static Optional<AppStatus> running(TestController controller, AppKey key) {
        return controller.app(key).filter(s -> s.phase() == Phase.Running && s.ready());
    }

    private static Map<AppKey, String> ids(TestController controller, List<AppKey> keys) {
        return keys.stream().collect(Collectors.toMap(k -> k, k ->
                controller.app(k).flatMap(AppStatus::containerId).orElseThrow()));
    }

    /** What the registry itself says the tag names: its Docker-Content-Digest header. */
    private static String registryDigest(String repository, String tag) throws Exception {
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://" + LocalRegistry.ADDRESS + "/v2/" + repository
                        + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json, "
                        + "application/vnd.oci.image.manifest.v1+json")
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(head, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as("HEAD " + head.uri()).isEqualTo(200);
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }
}
