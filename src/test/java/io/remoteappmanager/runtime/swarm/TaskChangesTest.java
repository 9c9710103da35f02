package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.core.DockerClientConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Which services changed between two readings of the live tasks: the poll that stands in for task events. */
@Execution(ExecutionMode.CONCURRENT)
class TaskChangesTest {

    @Test
    void aServiceWhoseTaskChangedStateMovedOrWentAwayIsTold() {
        TaskChanges changes = new TaskChanges();
        assertThat(changes.next(List.of(task("a", "t1", "pending", "n1"), task("b", "t2", "running", "n2"),
                task("c", "t3", "running", "n3")))).containsExactlyInAnyOrder("a", "b", "c");

        assertThat(changes.next(List.of(task("a", "t1", "running", "n1"), task("b", "t4", "running", "n3"))))
                .as("a started, b moved, c's task ended").containsExactlyInAnyOrder("a", "b", "c");
        assertThat(changes.next(List.of(task("a", "t1", "running", "n1"), task("b", "t4", "running", "n3"))))
                .as("nothing changed").isEmpty();
        assertThat(changes.onNode("n3")).containsExactly("b");
        assertThat(changes.onNode("n2")).isEmpty();
    }

    @Test
    void aTaskThatStaysPendingWhileSwarmGivesItsReasonIsAChange() {
        TaskChanges changes = new TaskChanges();
        changes.next(List.of(task("a", "t1", "pending", null, "pending task scheduling", "")));

        assertThat(changes.next(List.of(task("a", "t1", "pending", null, "pending task scheduling",
                "no suitable node (scheduling constraints not satisfied on 3 nodes)"))))
                .as("the scheduler's reason came later than the state").containsExactly("a");
        assertThat(changes.next(List.of(task("a", "t1", "pending", null, "pending task scheduling",
                "no suitable node (scheduling constraints not satisfied on 3 nodes)")))).isEmpty();
    }

    private static Task task(String service, String id, String state, String node) {
        return task(service, id, state, node, state, "");
    }

    private static Task task(String service, String id, String state, String node, String message, String err) {
        String json = """
                {"ID": "%s", "ServiceID": "%s", "NodeID": %s, "DesiredState": "running",
                 "Status": {"State": "%s", "Message": "%s", "Err": "%s"}}
                """.formatted(id, service, node == null ? "null" : '"' + node + '"', state, message, err);
        try {
            return DockerClientConfig.getDefaultObjectMapper().readValue(json, Task.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
