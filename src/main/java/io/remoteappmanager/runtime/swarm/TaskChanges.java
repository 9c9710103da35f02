package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two readings of a swarm's live tasks, by service: a task that appeared, ended, moved, changed
 * state or got other words from Swarm shows as its service's change. Words count because a task may stay in one state
 * while they change: a pending task gets the scheduler's reason ("no suitable node ...") a moment after it was created.
 * Pure; one instance remembers the last reading.
 */
final class TaskChanges {

    /** A reading: each service's live tasks, as {@code id state desired-state node message err}, sorted. */
    private Map<String, Set<String>> last = Map.of();
    private Map<String, Set<String>> servicesByNode = Map.of();

    /** Takes a reading and returns the services whose tasks differ from the last reading's. */
    List<String> next(List<Task> tasks) {
        Map<String, Set<String>> reading = new HashMap<>();
        Map<String, Set<String>> byNode = new HashMap<>();
        for (Task task : tasks) {
            if (task.getServiceId() == null) {
                continue;
            }
            reading.computeIfAbsent(task.getServiceId(), s -> new TreeSet<>()).add(fingerprint(task));
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

    private static String fingerprint(Task task) {
        TaskStatus status = task.getStatus();
        return String.join(" ", task.getId(), String.valueOf(status == null ? null : status.getState()),
                String.valueOf(task.getDesiredState()), String.valueOf(task.getNodeId()),
                String.valueOf(status == null ? null : status.getMessage()),
                String.valueOf(status == null ? null : status.getErr()));
    }

    /** The services with a live task on {@code nodeId} at the last reading. */
    Set<String> onNode(String nodeId) {
        return servicesByNode.getOrDefault(nodeId, Set.of());
    }
}
