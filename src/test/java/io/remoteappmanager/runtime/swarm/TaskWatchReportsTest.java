package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.core.DockerClientConfig;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a task poll tells the cache: each changed service with the read an inspect would make of it (the service and
 * all its tasks, ended ones too), so the cache need not inspect it; a service no longer listed, without a read.
 */
@Execution(ExecutionMode.CONCURRENT)
class TaskWatchReportsTest {

    private static final Instant SENT = Instant.parse("2030-01-01T12:00:00Z");
    private static final BiFunction<Service, List<Task>, RuntimeContainer> READ =
            (service, tasks) -> SwarmMapping.of(service, tasks, node -> Optional.of(new NodeInfo("10.214.0.12", node)), SENT);

    @Test
    void aChangedServiceCarriesItsReadFromAllItsTasksAndAGoneOneNone() {
        Service a = service("a");
        List<Task> tasks = List.of(task("a", "t1", "failed", "shutdown", "2030-01-01T11:59:00Z"),
                task("a", "t2", "running", "running", "2030-01-01T11:59:30Z"),
                task("b", "t3", "running", "running", "2030-01-01T11:59:30Z"),
                task("gone", "t4", "shutdown", "shutdown", "2030-01-01T11:59:30Z"));
        Map<String, String> report = new LinkedHashMap<>();
        report.put("a", "task");
        report.put("gone", "task");
        report.put("b", "update");
        report.put("foreign", "update");

        List<RuntimeEvent> events = TaskWatch.reports(report, Set.of("a", "gone"), List.of(a, service("b")), tasks,
                READ, 7L);

        assertThat(events).extracting(RuntimeEvent::id).as("an update of a service not listed is another realm's")
                .containsExactly("a", "gone", "b");
        RuntimeEvent changed = events.get(0);
        assertThat(changed.read()).contains(READ.apply(a, tasks.subList(0, 2)));
        assertThat(changed.read().orElseThrow().restarts()).as("the failed task counts, as on inspect").isEqualTo(1);
        assertThat(changed.labels()).containsEntry("ram.realm", "r").containsEntry("ram.user", "a");
        assertThat(changed.action()).isEqualTo("task");
        assertThat(changed.timeNanos()).isEqualTo(7L);
        RuntimeEvent gone = events.get(1);
        assertThat(gone.read()).as("the cache inspects it and finds it gone").isEmpty();
        assertThat(gone.labels()).as("its task's labels still name its app").containsEntry("ram.user", "gone");
        RuntimeEvent updated = events.get(2);
        assertThat(updated.action()).isEqualTo("update");
        assertThat(updated.read()).as("read whether or not its tasks changed").isPresent();
    }

    @Test
    void changesAreTakenOfTheTasksSwarmMeansToRunAsTheDesiredStateFilterListedThem() {
        List<Task> tasks = List.of(task("a", "t1", "failed", "shutdown", "2030-01-01T11:59:00Z"),
                task("a", "t2", "running", "running", "2030-01-01T11:59:30Z"),
                task("a", "t3", "new", "ready", "2030-01-01T11:59:40Z"));

        assertThat(TaskWatch.live(tasks)).extracting(Task::getId).containsExactly("t2");
    }

    private static Service service(String id) {
        return read("""
                {"ID": "%s", "CreatedAt": "2030-01-01T11:00:00Z", "Version": {"Index": 12},
                 "Spec": {"Name": "r-%s-web", "Labels": {"ram.realm": "r", "ram.user": "%s"},
                   "TaskTemplate": {"ContainerSpec": {"Image": "10.214.0.1:5000/ram-test/httpd:1"}}}}
                """.formatted(id, id, id), Service.class);
    }

    private static Task task(String service, String id, String state, String desired, String at) {
        return read("""
                {"ID": "%s", "ServiceID": "%s", "NodeID": "n2", "CreatedAt": "%s", "DesiredState": "%s",
                 "Spec": {"ContainerSpec": {"Image": "10.214.0.1:5000/ram-test/httpd:1",
                                            "Labels": {"ram.realm": "r", "ram.user": "%s"}}},
                 "Status": {"Timestamp": "%s", "State": "%s", "Message": "%s", "Err": ""}}
                """.formatted(id, service, at, desired, service, at, state, state), Task.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return DockerClientConfig.getDefaultObjectMapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
