package io.remoteappmanager.runtime.swarm;

import io.remoteappmanager.testing.Templates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.spec.SpecParser;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestSwarm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The runtime's operations on the real swarm, below the controller: the container Swarm runs gets our limits,
 * capabilities, init and labels; a forced update (restart) replaces the task and keeps every field of the spec, also
 * those docker-java's model lacks; a second service of one name is a name conflict; removal is idempotent.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmRuntimeIT {

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private TestSwarm swarm;
    private SwarmRealm realm;

    @BeforeEach
    void connect() {
        swarm = realms.swarm();
        realm = realms.create("sruntime", Map.of());
    }

    @Test
    void theTaskRunsAsInDockerModeAndARestartReplacesItKeepingTheWholeSpec() {
        ContainerRequest request = request("resources: {memory: 48m, cpus: 0.25, pids: 64}");
        RuntimeContainer launched = realm.runtime.launch(request);
        RuntimeContainer running = awaitRunning(launched.id());

        HostConfig host = container(running).getHostConfig();
        assertThat(host.getCapDrop()).extracting(Object::toString).containsExactly("ALL");
        assertThat(host.getCapAdd()).extracting(Object::toString)
                .containsExactlyInAnyOrderElementsOf(realm.config.docker().capAdd());
        assertThat(host.getPidsLimit()).isEqualTo(64);
        assertThat(host.getMemory()).isEqualTo(48L << 20);
        assertThat(host.getNanoCPUs()).isEqualTo(250_000_000L);
        assertThat(host.getInit()).isTrue();
        assertThat(container(running).getConfig().getLabels()).containsAllEntriesOf(request.labels());
        String firstTask = taskOf(running);

        RuntimeContainer restarted = realm.runtime.restart(launched.id());

        assertThat(restarted.id()).isEqualTo(launched.id());
        RuntimeContainer again = await().atMost(SwarmRealm.CONVERGE).until(() -> realm.runtime.inspect(launched.id()).orElseThrow(),
                c -> c.state() == ContainerState.RUNNING && c.endpoint().isPresent() && !taskOf(c).equals(firstTask));
        HostConfig after = container(again).getHostConfig();
        assertThat(after.getPidsLimit()).as("a field docker-java's service model lacks survives the update").isEqualTo(64);
        assertThat(after.getCapAdd()).extracting(Object::toString)
                .containsExactlyInAnyOrderElementsOf(realm.config.docker().capAdd());
    }

    @Test
    void aSecondServiceOfOneNameIsANameConflictAndRemovingTwiceIsNoError() {
        ContainerRequest request = request();
        RuntimeContainer launched = realm.runtime.launch(request);

        assertThatThrownBy(() -> realm.runtime.launch(request)).isInstanceOf(NameConflictException.class);
        realm.runtime.remove(launched.id());
        realm.runtime.remove(launched.id());
        assertThat(realm.runtime.inspect(launched.id())).isEmpty();
    }

    private ContainerRequest request(String... extra) {
        String yaml = SpecFiles.app("web", "alice", swarm.httpd, extra);
        return Templates.of(realm.config, realm.runtime.capabilities())
                .request(SpecParser.parse("alice.yaml", yaml.getBytes(StandardCharsets.UTF_8)).specs().get(0), Actuator.newUrlId());
    }

    private RuntimeContainer awaitRunning(String id) {
        return await().atMost(SwarmRealm.CONVERGE).until(() -> realm.runtime.inspect(id).orElseThrow(),
                c -> c.state() == ContainerState.RUNNING && c.endpoint().isPresent());
    }

    /** The id of the task that runs now: its container carries it as a label. */
    private String taskOf(RuntimeContainer app) {
        return container(app).getConfig().getLabels().get("com.docker.swarm.task.id");
    }

    /** The container Swarm runs for the app, inspected on its node's own engine. */
    private InspectContainerResponse container(RuntimeContainer app) {
        int node = Integer.parseInt(app.node().orElseThrow().replaceAll(".*-", ""));
        try (DockerClient client = swarm.nodeClient(node)) {
            List<Container> found = client.listContainersCmd()
                    .withLabelFilter(Map.of("com.docker.swarm.service.id", app.id())).exec();
            Container current = found.stream().filter(c -> "running".equals(c.getState())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no running container of " + app.id() + " on node " + node
                            + ": " + Arrays.toString(found.stream().map(Container::getState).toArray())));
            return client.inspectContainerCmd(current.getId()).exec();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
