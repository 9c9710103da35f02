package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Secret;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * File secrets on the real swarm: one Swarm secret object per content, labelled with the realm and shared by the two
 * services that name it, mounted at /run/secrets in their tasks, replaced by a new one when the file changes, kept while one service uses it and removed with the
 * last; one asked as an environment variable is refused with a message saying to write {@code as: file} (a third app without secrets keeps the spec directory from going empty, which would withhold pruning).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmSecretsIT {

    static final String LICENCE = "swarm-licence-content\n";
    static final AppKey ALICE = new AppKey("alice", "web");
    static final AppKey BOB = new AppKey("bob", "web");
    static final AppKey DAVE = new AppKey("dave", "web");

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    @TempDir
    Path secrets;
    private TestSwarm swarm;
    private SwarmRealm realm;

    @BeforeEach
    void connect() throws IOException {
        Files.writeString(secrets.resolve("licence"), LICENCE);
        swarm = realms.swarm();
        realm = realms.create("ssec", Map.of("ram.secrets.dir", secrets.toString()));
    }

    @AfterEach
    void removeLeftSecrets() {
        await().atMost(SwarmRealm.CONVERGE).ignoreExceptions().until(() -> {
            realm.services().forEach(s -> swarm.docker.removeServiceCmd(s.getId()).exec());
            secretObjects().forEach(s -> swarm.docker.removeSecretCmd(s.getId()).exec());
            return secretObjects().isEmpty();
        });
    }

    @Test
    void oneObjectPerContentMountedInEveryTaskAndRemovedWithItsLastService() throws Exception {
        realm.writeApp("alice-web", "alice", swarm.httpd, "mappingId: web", "secrets: {LICENCE_FILE: {file: licence, as: file}}");
        realm.writeApp("bob-web", "bob", swarm.httpd, "mappingId: web", "secrets: {LICENCE_FILE: {file: licence, as: file}}");
        realm.writeApp("carol-web", "carol", swarm.httpd, "mappingId: web"); // keeps the directory from going empty
        realm.writeApp("dave-web", "dave", swarm.httpd, "mappingId: web", "secrets: {LICENCE: licence}");
        try (TestController controller = realm.controller()) {
            AppStatus alice = awaitRunning(controller, ALICE);
            awaitRunning(controller, BOB);

            assertThat(secretObjects()).as("created once for both").singleElement().satisfies(secret -> assertThat(
                    secret.getSpec().getName()).startsWith(realm.config.realm() + "-licence-"));
            assertThat(file(alice, "/run/secrets/licence")).isEqualTo(LICENCE);
            await().atMost(SwarmRealm.CONVERGE).untilAsserted(() -> assertThat(controller.app(DAVE).orElseThrow().message())
                    .as("a secret as a variable is refused").contains("Swarm secrets are files", "as: file"));

            String before = secretObjects().get(0).getId();
            Files.writeString(secrets.resolve("licence"), "rotated-" + LICENCE);
            Files.setLastModifiedTime(secrets.resolve("licence"), FileTime.from(Instant.now().plusSeconds(5)));
            controller.pass("licence rotated");
            await().atMost(SwarmRealm.CONVERGE).until(() -> secretObjects().size() == 1
                    && !secretObjects().get(0).getId().equals(before));
            AppStatus rotated = awaitRunning(controller, ALICE);
            await().atMost(SwarmRealm.CONVERGE).ignoreExceptions().until(() -> file(rotated, "/run/secrets/licence"),
                    ("rotated-" + LICENCE)::equals);

            Files.delete(realm.specs.resolve("alice-web.yaml"));
            await().atMost(SwarmRealm.CONVERGE).until(() -> realm.services().size() == 2);
            controller.pass("alice's service is gone");
            assertThat(secretObjects()).as("bob's service still uses it").hasSize(1);

            Files.delete(realm.specs.resolve("bob-web.yaml"));
            await().atMost(SwarmRealm.CONVERGE).until(() -> realm.services().size() == 1 && secretObjects().isEmpty());
        }
    }

    private List<Secret> secretObjects() {
        return swarm.docker.listSecretsCmd().withLabelFilter(realm.labels.realmFilter()).exec();
    }

    private static AppStatus awaitRunning(TestController controller, AppKey key) {
        return await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(key).orElse(null),
                app -> app != null && app.phase() == Phase.Running);
    }

    /**
     * The file as the app's task sees it, read by {@code cat} in its container on its node's own engine: an archive of
     * the container would hold only the empty mount point, since Swarm mounts its secrets from a tmpfs.
     */
    private String file(AppStatus app, String path) throws Exception {
        int node = Integer.parseInt(app.node().orElseThrow().replaceAll(".*-", "").replaceAll("\\D", ""));
        try (DockerClient client = swarm.nodeClient(node)) {
            Container task = client.listContainersCmd()
                    .withLabelFilter(Map.of("com.docker.swarm.service.id", app.containerId().orElseThrow())).exec()
                    .stream().filter(c -> "running".equals(c.getState())).findFirst().orElseThrow();
            String exec = client.execCreateCmd(task.getId()).withCmd("cat", path).withAttachStdout(true).exec().getId();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.writeBytes(frame.getPayload());
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
