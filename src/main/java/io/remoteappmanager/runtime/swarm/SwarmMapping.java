package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a service and its tasks as one app's container: the service gives identity, labels and image; its current
 * task (the newest one Swarm means to run) gives the state, the node and the published port. Pure, so every rule is
 * tested without a swarm.
 *
 * <ul>
 *   <li>current task running: RUNNING, at its node's address and published port;</li>
 *   <li>not placed or not started yet, or waiting out the restart delay: RESTARTING, with Swarm's words as detail
 *       (such as "no suitable node (insufficient resources on 3 nodes)"): Swarm brings it up itself;</li>
 *   <li>ended: RESTARTING while Swarm will replace it under the service's restart condition, else EXITED with its
 *       exit code.</li>
 * </ul>
 * {@code restarts} counts the tasks that ended (failed, rejected, complete) in the last {@link #RECENT}, apart from the
 * current one: Swarm's task history (five per slot by default) is the restart count Docker keeps for one container.
 */
final class SwarmMapping {

    /** How far back ended tasks count as restarts. */
    static final Duration RECENT = Duration.ofMinutes(5);

    /** Desired states of a task Swarm means to run (READY: waiting out the restart delay). */
    private static final Set<TaskState> MEANT_TO_RUN = EnumSet.of(TaskState.NEW, TaskState.ALLOCATED, TaskState.PENDING,
            TaskState.ASSIGNED, TaskState.ACCEPTED, TaskState.PREPARING, TaskState.READY, TaskState.STARTING,
            TaskState.RUNNING);
    private static final Set<TaskState> ON_ITS_WAY = EnumSet.of(TaskState.NEW, TaskState.ALLOCATED, TaskState.PENDING,
            TaskState.ASSIGNED, TaskState.ACCEPTED, TaskState.PREPARING, TaskState.READY, TaskState.STARTING);
    /** End states of a task whose process ran its course (or never could): a restart when Swarm replaces it. */
    private static final Set<TaskState> EXITED = EnumSet.of(TaskState.COMPLETE, TaskState.FAILED, TaskState.REJECTED);
    private static final Comparator<Task> NEWEST_FIRST = Comparator.comparing(SwarmMapping::createdAt).reversed();
    /** The detail of a service that has no task yet. */
    static final String NO_TASK_YET = "waiting for Swarm to create its task";

    private SwarmMapping() {}

    /**
     * @param tasks      the service's tasks (any order, any state)
     * @param nodes      a node's address and name by node id, when known
     * @param observedAt when the reads were sent: also "now" for what counts as recent
     */
    static RuntimeContainer of(Service service, List<Task> tasks, Function<String, Optional<NodeInfo>> nodes,
            Instant observedAt) {
        ServiceSpec spec = service.getSpec();
        ContainerSpec container = spec.getTaskTemplate() == null ? null : spec.getTaskTemplate().getContainerSpec();
        List<Task> newestFirst = tasks.stream().sorted(NEWEST_FIRST).toList();
        Optional<Task> current = current(newestFirst);
        List<Task> ended = newestFirst.stream()
                .filter(t -> current.map(c -> !c.getId().equals(t.getId())).orElse(true))
                .filter(t -> EXITED.contains(state(t)) && !statusTime(t).isBefore(observedAt.minus(RECENT)))
                .toList();
        ContainerState folded = current.map(t -> fold(t, condition(spec))).orElse(ContainerState.RESTARTING);
        Optional<NodeInfo> node = current.map(Task::getNodeId).filter(id -> !id.isBlank()).flatMap(nodes);
        Optional<Endpoint> endpoint = folded != ContainerState.RUNNING ? Optional.empty()
                : node.filter(n -> !n.address().isBlank())
                        .flatMap(n -> publishedPort(current.get(), targetPort(spec)).map(port -> new Endpoint(n.address(), port)));
        OptionalInt exitCode = folded == ContainerState.EXITED ? exitCode(current.get())
                : folded == ContainerState.RESTARTING && !ended.isEmpty() ? exitCode(ended.get(0)) : OptionalInt.empty();
        Optional<String> detail = folded == ContainerState.RUNNING ? Optional.empty()
                : Optional.of(current.map(SwarmMapping::describe).orElse(NO_TASK_YET));
        return new RuntimeContainer(service.getId(), spec.getName(), container == null ? "" : container.getImage(),
                current.map(SwarmMapping::image).orElse(""),
                spec.getLabels() == null ? Map.of() : spec.getLabels(), folded,
                service.getCreatedAt() == null ? Instant.EPOCH : service.getCreatedAt().toInstant(), endpoint, List.of(),
                exitCode, node.map(NodeInfo::hostname), detail, ended.size(), HealthStatus.NONE, Optional.empty(), observedAt);
    }

    /**
     * A service just created from {@code request}, as {@link #of} reads it before Swarm has made its task, without
     * reading it back: RESTARTING, which the planner leaves to Swarm (CREATED would have it start the app), created and
     * stamped when the create was sent, so that every read from after the create replaces it.
     */
    static RuntimeContainer created(String id, ContainerRequest request, Instant createSent) {
        return new RuntimeContainer(id, request.name(), request.image(), "", request.labels(), ContainerState.RESTARTING,
                createSent, Optional.empty(), List.of(), OptionalInt.empty(), Optional.empty(), Optional.of(NO_TASK_YET),
                0, HealthStatus.NONE, Optional.empty(), createSent);
    }

    /** Tasks by the id of their service (tasks without one are left out), for mapping several services at once. */
    static Map<String, List<Task>> byService(List<Task> tasks) {
        return tasks.stream().filter(t -> t.getServiceId() != null).collect(Collectors.groupingBy(Task::getServiceId));
    }

    /** The task the service runs or brings up now: the newest one meant to run, else the newest. */
    private static Optional<Task> current(List<Task> newestFirst) {
        return newestFirst.stream().filter(t -> MEANT_TO_RUN.contains(t.getDesiredState())).findFirst()
                .or(() -> newestFirst.stream().findFirst());
    }

    /** The task before the current one (the run {@code kubectl logs --previous} reads), while the swarm keeps it. */
    static Optional<Task> previous(List<Task> tasks) {
        List<Task> newestFirst = tasks.stream().sorted(NEWEST_FIRST).toList();
        Optional<String> current = current(newestFirst).map(Task::getId);
        return newestFirst.stream().filter(t -> current.map(c -> !c.equals(t.getId())).orElse(true)).findFirst();
    }

    /** The task's state as the planner sees the app: whether it runs, comes up, or has ended for good. */
    private static ContainerState fold(Task task, ServiceRestartCondition condition) {
        TaskState state = state(task);
        if (state == TaskState.RUNNING) {
            return ContainerState.RUNNING;
        }
        if (ON_ITS_WAY.contains(state) || MEANT_TO_RUN.contains(task.getDesiredState()) || replaced(state, condition)) {
            return ContainerState.RESTARTING;
        }
        return ContainerState.EXITED;
    }

    /**
     * Whether Swarm starts a new task for one that ended so: always when Swarm itself shut it down (an update, a drained
     * or lost node); else as the restart condition says.
     */
    private static boolean replaced(TaskState ended, ServiceRestartCondition condition) {
        if (!EXITED.contains(ended)) {
            return true;
        }
        return switch (condition) {
            case ANY -> true;
            case ON_FAILURE -> ended != TaskState.COMPLETE;
            case NONE -> false;
        };
    }

    /** Swarm's own words on a task that does not run: its error, else its status message, after its state. */
    private static String describe(Task task) {
        TaskStatus status = task.getStatus();
        String words = status == null ? "" : status.getErr() != null && !status.getErr().isBlank() ? status.getErr()
                : status.getMessage() == null ? "" : status.getMessage();
        String state = state(task).name().toLowerCase(java.util.Locale.ROOT);
        return "swarm task " + state + (words.isBlank() || words.equals(state) ? "" : ": " + words);
    }

    /**
     * The node port a task publishes {@code target} on, from {@code Status.PortStatus}, which docker-java's model
     * lacks: only the top-level object of an answer keeps its raw JSON. Host mode lists each port twice; any will do.
     */
    static Optional<Integer> publishedPort(Task task, int target) {
        Object status = task.getRawValues().get("Status");
        Object portStatus = status instanceof Map<?, ?> map ? map.get("PortStatus") : null;
        Object ports = portStatus instanceof Map<?, ?> map ? map.get("Ports") : null;
        if (ports instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> port && port.get("PublishedPort") instanceof Number published
                        && (target == 0 || port.get("TargetPort") instanceof Number t && t.intValue() == target)) {
                    return Optional.of(published.intValue());
                }
            }
        }
        return Optional.empty();
    }

    private static int targetPort(ServiceSpec spec) {
        if (spec.getEndpointSpec() == null || spec.getEndpointSpec().getPorts() == null) {
            return 0;
        }
        return spec.getEndpointSpec().getPorts().stream().map(PortConfig::getTargetPort).filter(p -> p != null)
                .findFirst().orElse(0);
    }

    private static ServiceRestartCondition condition(ServiceSpec spec) {
        if (spec.getTaskTemplate() == null || spec.getTaskTemplate().getRestartPolicy() == null
                || spec.getTaskTemplate().getRestartPolicy().getCondition() == null) {
            return ServiceRestartCondition.ANY; // Swarm's default
        }
        return spec.getTaskTemplate().getRestartPolicy().getCondition();
    }

    private static OptionalInt exitCode(Task task) {
        if (task.getStatus() == null || task.getStatus().getContainerStatus() == null
                || task.getStatus().getContainerStatus().getExitCode() == null || !EXITED.contains(state(task))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(task.getStatus().getContainerStatus().getExitCode().intValue());
    }

    /** The image a task runs, pinned to its digest when Swarm resolved one. */
    private static String image(Task task) {
        return task.getSpec() == null || task.getSpec().getContainerSpec() == null
                || task.getSpec().getContainerSpec().getImage() == null ? "" : task.getSpec().getContainerSpec().getImage();
    }

    private static TaskState state(Task task) {
        return task.getStatus() == null || task.getStatus().getState() == null ? TaskState.NEW : task.getStatus().getState();
    }

    private static Instant createdAt(Task task) {
        return instant(task.getCreatedAt());
    }

    private static Instant statusTime(Task task) {
        return instant(task.getStatus() == null ? null : task.getStatus().getTimestamp());
    }

    private static Instant instant(String text) {
        try {
            return text == null ? Instant.EPOCH : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
