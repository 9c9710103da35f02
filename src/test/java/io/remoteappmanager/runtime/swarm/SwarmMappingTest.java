package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.core.DockerClientConfig;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * How a service and its tasks, as the manager answers them (Engine API JSON read by docker-java), become one app's
 * container: which task is current, the state the planner sees, where it is served, and how often Swarm restarted it.
 */
@Execution(ExecutionMode.CONCURRENT)
class SwarmMappingTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Map<String, NodeInfo> NODES = Map.of("n2", new NodeInfo("10.214.0.12", "ram-swarm-2"),
            "n3", new NodeInfo("10.214.0.13", "ram-swarm-3"));

    @Test
    void aRunningTaskIsServedAtItsNodesAddressAndPublishedPort() {
        RuntimeContainer app = map("any", task("t1", 10, "running", "running", "n2", 30001));

        assertThat(app.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(app.endpoint()).contains(new Endpoint("10.214.0.12", 30001));
        assertThat(app.node()).contains("ram-swarm-2");
        assertThat(app.id()).isEqualTo("svc1");
        assertThat(app.labels()).containsEntry("ram.realm", "r");
        assertThat(app.detail()).isEmpty();
        assertThat(app.restarts()).isZero();
    }

    @Test
    void aTaskSwarmCannotPlaceIsComingUpWithSwarmsReason() {
        RuntimeContainer app = map("any", task("t1", 10, "pending", "running", "", 0)
                .replace("\"Err\": \"\"", "\"Err\": \"no suitable node (insufficient resources on 3 nodes)\""));

        assertThat(app.state()).isEqualTo(ContainerState.RESTARTING);
        assertThat(app.detail()).contains("swarm task pending: no suitable node (insufficient resources on 3 nodes)");
        assertThat(app.endpoint()).isEmpty();
        assertThat(app.node()).isEmpty();
    }

    @Test
    void aServiceWithoutTasksYetIsComingUp() {
        RuntimeContainer app = map("any");

        assertThat(app.state()).isEqualTo(ContainerState.RESTARTING);
        assertThat(app.detail()).hasValueSatisfying(d -> assertThat(d).contains("waiting for Swarm"));
    }

    @Test
    void theNewestTaskMeantToRunIsCurrentAndRecentEndedTasksAreRestarts() {
        RuntimeContainer app = map("any",
                failed("t1", 400, 1), failed("t2", 150, 1), failed("t3", 20, 1),
                task("t4", 10, "ready", "ready", "n3", 0));

        assertThat(app.state()).as("waiting out the restart delay").isEqualTo(ContainerState.RESTARTING);
        assertThat(app.restarts()).as("t2 and t3; t1 ended before the last five minutes").isEqualTo(2);
        assertThat(app.exitCode()).as("the last end's code").isEqualTo(OptionalInt.of(1));
        assertThat(app.node()).contains("ram-swarm-3");
    }

    @Test
    void aMovedTaskIsServedWhereItRunsNow() {
        RuntimeContainer app = map("any", task("t1", 60, "shutdown", "shutdown", "n2", 30001),
                task("t2", 5, "running", "running", "n3", 30007));

        assertThat(app.endpoint()).contains(new Endpoint("10.214.0.13", 30007));
        assertThat(app.restarts()).as("a task Swarm shut down itself is no restart").isZero();
    }

    @Test
    void anEndedTaskSwarmWillReplaceIsComingUpAndOneItWillNotHasExited() {
        assertThat(map("on-failure", failed("t1", 5, 2)).state()).isEqualTo(ContainerState.RESTARTING);
        assertThat(map("any", complete("t1", 5)).state()).isEqualTo(ContainerState.RESTARTING);

        RuntimeContainer done = map("on-failure", complete("t1", 5));
        assertThat(done.state()).isEqualTo(ContainerState.EXITED);
        assertThat(done.exitCode()).isEqualTo(OptionalInt.of(0));
        RuntimeContainer never = map("none", failed("t1", 5, 3));
        assertThat(never.state()).isEqualTo(ContainerState.EXITED);
        assertThat(never.exitCode()).isEqualTo(OptionalInt.of(3));
        assertThat(never.restarts()).as("the current task is not its own restart").isZero();
    }

    @Test
    void aTaskThatEndedButIsStillMeantToRunIsBeingReplaced() {
        assertThat(map("none", task("t1", 5, "failed", "running", "n2", 0)).state()).isEqualTo(ContainerState.RESTARTING);
    }

    private static RuntimeContainer map(String condition, String... tasks) {
        return SwarmMapping.of(read(service(condition), Service.class),
                Arrays.stream(tasks).map(t -> read(t, Task.class)).toList(), id -> Optional.ofNullable(NODES.get(id)), NOW);
    }

    private static String service(String condition) {
        return """
                {"ID": "svc1", "CreatedAt": "2030-01-01T11:00:00Z", "Version": {"Index": 12},
                 "Spec": {"Name": "r-alice-web", "Labels": {"ram.realm": "r"},
                   "TaskTemplate": {"ContainerSpec": {"Image": "10.214.0.1:5000/ram-test/httpd:1"},
                                    "RestartPolicy": {"Condition": "%s"}},
                   "EndpointSpec": {"Mode": "dnsrr", "Ports": [{"TargetPort": 8888, "PublishMode": "host"}]}}}
                """.formatted(condition);
    }

    /** A task created {@code ago} seconds before NOW; a port > 0 is published twice, as host mode lists it. */
    private static String task(String id, long ago, String state, String desired, String node, int port) {
        String at = NOW.minus(Duration.ofSeconds(ago)).toString();
        String ports = port == 0 ? "" : """
                , "PortStatus": {"Ports": [{"Protocol": "tcp", "TargetPort": 8888, "PublishedPort": %d, "PublishMode": "host"},
                                           {"Protocol": "tcp", "TargetPort": 8888, "PublishedPort": %d, "PublishMode": "host"}]}
                """.formatted(port, port);
        return """
                {"ID": "%s", "ServiceID": "svc1", "NodeID": "%s", "CreatedAt": "%s", "DesiredState": "%s",
                 "Spec": {"ContainerSpec": {"Image": "10.214.0.1:5000/ram-test/httpd:1@sha256:abc"}},
                 "Status": {"Timestamp": "%s", "State": "%s", "Message": "%s", "Err": ""%s}}
                """.formatted(id, node, at, desired, at, state, state, ports);
    }

    private static String failed(String id, long ago, int code) {
        return task(id, ago, "failed", "shutdown", "n2", 0).replace("\"Err\": \"\"",
                "\"Err\": \"task: non-zero exit (" + code + ")\", \"ContainerStatus\": {\"ExitCode\": " + code + "}");
    }

    private static String complete(String id, long ago) {
        return task(id, ago, "complete", "shutdown", "n2", 0).replace("\"Err\": \"\"",
                "\"Err\": \"\", \"ContainerStatus\": {\"ExitCode\": 0}");
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return DockerClientConfig.getDefaultObjectMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
