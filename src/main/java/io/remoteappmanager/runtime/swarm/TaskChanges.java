package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two readings of a swarm's live tasks, by service: a task that appeared, ended, moved, changed
 * state or got other words from Swarm shows as its service's change. Words count because a task may stay in one state
 * while they change: a pending task gets the scheduler's reason ("no suitable node ...") a moment after it was created.
 * Pure; one instance remembers the last reading.
 */
final class TaskChanges {

    /** A reading: what was seen of each service's live tasks. */
    private Map<String, Set<Seen>> last = Map.of();
    private Map<String, Set<String>> servicesByNode = Map.of();

    /** Takes a reading and returns the services whose tasks differ from the last reading's. */
    List<String> next(List<Task> tasks) {
        Map<String, Set<Seen>> reading = new HashMap<>();
        Map<String, Set<String>> byNode = new HashMap<>();
        for (Task task : tasks) {
            if (task.getServiceId() == null) {
                continue;
            }
            reading.computeIfAbsent(task.getServiceId(), s -> new HashSet<>()).add(Seen.of(task));
            if (task.getNodeId() != null) {
                byNode.computeIfAbsent(task.getNodeId(), n -> new HashSet<>()).add(task.getServiceId());
            }
        }
        Set<String> services = new HashSet<>(reading.keySet());
        services.addAll(last.keySet());
        List<String> changed = new ArrayList<>();
        for (String service : services) {
            if (!reading.getOrDefault(service, Set.of()).equals(last.getOrDefault(service, Set.of()))) {
                changed.add(service);
            }
        }
        last = reading;
        servicesByNode = byNode;
        return changed;
    }

    /** The services with a live task on {@code nodeId} at the last reading. */
    Set<String> onNode(String nodeId) {
        return servicesByNode.getOrDefault(nodeId, Set.of());
    }

    /** What a reading keeps of one live task: every field whose change is its service's change. */
    private record Seen(String id, TaskState state, TaskState desired, String node, String message, String err) {

        static Seen of(Task task) {
            TaskStatus status = task.getStatus();
            return status == null ? new Seen(task.getId(), null, task.getDesiredState(), task.getNodeId(), null, null)
                    : new Seen(task.getId(), status.getState(), task.getDesiredState(), task.getNodeId(),
                            status.getMessage(), status.getErr());
        }
    }
}
