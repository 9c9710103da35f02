package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.EventStream;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One watch of a swarm for the observed-state cache. Swarm emits events for services and nodes (and the manager's
 * own containers), but none when a task changes state, moves or crashes on a worker; so beside the manager's event
 * stream this reads the realm's tasks every {@code ram.swarm.task-poll} (one call) and tells each service whose live
 * tasks changed as an event of its own. Such an event carries the service as read then: when any changed, the same
 * poll lists the realm's services (one more call), so the cache need not inspect each (a service and its tasks, two
 * calls) while a new one's task steps through its states. The events that say one service changed (an update, a task
 * of ours starting or ending on the manager) have the next poll report that service with its read, whatever its tasks
 * say; a node event (drained, down) has a poll at once report every service with a task on that node. A failed read
 * breaks the watch like a broken stream: the cache is not trusted until it has listed again.
 */
final class TaskWatch implements Closeable {

    /** Container events that say a task started or ended; the others say nothing the status shows. */
    private static final Set<String> TASK_LIFECYCLE = Set.of("start", "die", "oom");
    private static final String SERVICE_ID = "com.docker.swarm.service.id";

    /** The engine reads a watch makes. */
    interface Reads {

        /** Every task of the realm, in any state (one call). */
        List<Task> tasks();

        /** The realm's services (one call). */
        List<Service> services();

        /** A service and its tasks as the app's container, as an inspect of it sent at {@code sent} reads it. */
        RuntimeContainer container(Service service, List<Task> tasks, Instant sent);
    }

    private final EngineClient engine;
    private final Map<String, String> labels;
    private final RuntimeWatcher watcher;
    private final Reads reads;
    private final Consumer<String> nodeChanged;
    private final Duration every;
    private final TaskChanges changes = new TaskChanges();
    /** Services an event said changed, with the event's action, for the next poll to report whatever the tasks say. */
    private final Map<String, String> asked = new ConcurrentHashMap<>();
    private final AtomicBoolean over = new AtomicBoolean();
    private final ScheduledExecutorService poller = Threads.serial("swarm-tasks");
    /** Whether the baseline reading was taken; only the poller thread reads or writes it. */
    private boolean baselined;
    private EventStream stream;

    /**
     * @param labels      the realm's labels: container events without them are not ours
     * @param reads       reads the realm's tasks and services
     * @param nodeChanged told the id of a node an event was about
     */
    TaskWatch(EngineClient engine, Map<String, String> labels, RuntimeWatcher watcher, Reads reads,
            Consumer<String> nodeChanged, Duration every) {
        this.engine = engine;
        this.labels = Map.copyOf(labels);
        this.watcher = watcher;
        this.reads = reads;
        this.nodeChanged = nodeChanged;
        this.every = every;
    }

    /** Subscribes to the manager's events; polling starts once they flow (see {@link Started}). */
    TaskWatch start() {
        engine.count("events");
        stream = new EventStream(new Started(), this::translate);
        engine.docker().eventsCmd().withEventTypeFilter(EventType.SERVICE, EventType.NODE, EventType.CONTAINER)
                .exec(stream);
        return this;
    }

    @Override
    public void close() {
        over.set(true);
        poller.shutdownNow();
        if (stream != null) {
            stream.stop();
        }
    }

    /**
     * A service's create and removal as they are (a removal as the end it is); its update, and our containers' starts
     * and ends, for the next poll to report their service; a node's, on the poller.
     */
    private List<RuntimeEvent> translate(Event event) {
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        String id = event.getActor() == null ? event.getId() : event.getActor().getId();
        long nanos = event.getTimeNano() != null ? event.getTimeNano() : nanos(Instant.now());
        String action = event.getAction() == null ? "" : event.getAction();
        if (event.getType() == EventType.SERVICE && id != null) {
            if (action.equals("update")) {
                ask(Set.of(id), action);
                return List.of();
            }
            return List.of(new RuntimeEvent(action.equals("remove") ? "destroy" : action, id, attributes, nanos));
        }
        if (event.getType() == EventType.NODE && id != null) {
            submit(() -> nodeEvent(id));
            return List.of();
        }
        boolean ours = labels.entrySet().stream().allMatch(l -> l.getValue().equals(attributes.get(l.getKey())));
        if (event.getType() == EventType.CONTAINER && ours && attributes.containsKey(SERVICE_ID)
                && TASK_LIFECYCLE.contains(action)) {
            ask(Set.of(attributes.get(SERVICE_ID)), "task " + action);
        }
        return List.of();
    }

    /** Every service with a task on the node may have moved or lost it: each is reported, read now. */
    private void nodeEvent(String nodeId) {
        nodeChanged.accept(nodeId);
        ask(changes.onNode(nodeId), "node");
        poll();
    }

    /**
     * Has the next poll report {@code services}, read after the event that asked. Not a poll at once: Swarm updates
     * every new service a few milliseconds after its create (seen on the test swarm's Docker 20.10 manager), and such
     * bursts (a cold start's creates, the steps of rolling updates, our tasks starting one after another on the
     * manager) would cost a poll for nearly each event, as the inspects did; the poll comes within {@code every}.
     */
    private void ask(Set<String> services, String action) {
        services.forEach(service -> asked.putIfAbsent(service, action));
    }

    private void poll() {
        if (over.get() || !baselined) {
            return;
        }
        Map<String, String> report = new LinkedHashMap<>();
        asked.keySet().forEach(service -> report.put(service, asked.remove(service))); // read after what asked
        Instant sent = Instant.now();
        List<Task> tasks;
        try {
            tasks = reads.tasks();
        } catch (RuntimeFault e) {
            fail(e);
            return;
        }
        List<String> changed = changes.next(live(tasks));
        changed.forEach(service -> report.putIfAbsent(service, "task"));
        if (report.isEmpty()) {
            return;
        }
        List<RuntimeEvent> events;
        try {
            events = reports(report, Set.copyOf(changed), reads.services(), tasks,
                    (service, itsTasks) -> reads.container(service, itsTasks, sent), nanos(Instant.now()));
        } catch (RuntimeFault e) { // listing the services, or the nodes a task names that are not known yet
            fail(e);
            return;
        }
        events.forEach(watcher::event);
    }

    /**
     * What one poll tells: an event for each service in {@code report} (by id, with the event's action), carrying
     * the service as {@code read} makes it of its entry in {@code services} and its tasks among {@code tasks}. One
     * that {@code services} lacks was removed or is none of the realm's: told without a read when its tasks
     * {@code changed} (they were the realm's: the cache inspects it and finds it gone, unless its removal's event came
     * first), else not at all (an update of another realm's service; a removal tells of itself).
     */
    static List<RuntimeEvent> reports(Map<String, String> report, Set<String> changed, List<Service> services,
            List<Task> tasks, BiFunction<Service, List<Task>, RuntimeContainer> read, long nanos) {
        Map<String, Service> byId = services.stream().filter(s -> s.getId() != null)
                .collect(Collectors.toMap(Service::getId, s -> s, (a, b) -> a));
        Map<String, List<Task>> byService = SwarmMapping.byService(tasks);
        List<RuntimeEvent> events = new ArrayList<>(report.size());
        report.forEach((id, action) -> {
            Optional<RuntimeContainer> container = Optional.ofNullable(byId.get(id))
                    .map(service -> read.apply(service, byService.getOrDefault(id, List.of())));
            if (container.isEmpty() && !changed.contains(id)) {
                return;
            }
            Map<String, String> labels = container.map(RuntimeContainer::labels)
                    .orElseGet(() -> byService.getOrDefault(id, List.of()).stream().findFirst()
                            .map(TaskWatch::containerLabels).orElse(Map.of()));
            events.add(new RuntimeEvent(action, id, labels, nanos, container));
        });
        return events;
    }

    /** The tasks Swarm means to run now: those the changes are taken of, as a desired-state filter would list them. */
    static List<Task> live(List<Task> tasks) {
        return tasks.stream().filter(t -> t.getDesiredState() == TaskState.RUNNING).toList();
    }

    private static Map<String, String> containerLabels(Task task) {
        return task.getSpec() == null || task.getSpec().getContainerSpec() == null
                || task.getSpec().getContainerSpec().getLabels() == null ? Map.of()
                : task.getSpec().getContainerSpec().getLabels();
    }

    private void fail(Throwable cause) {
        if (over.compareAndSet(false, true)) {
            poller.shutdownNow();
            stream.stop();
            watcher.broken(cause);
        }
    }

    private void submit(Runnable task) {
        try {
            poller.execute(task);
        } catch (RejectedExecutionException closed) {
            // the watch is over
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * The stream's side: once the manager accepted the subscription, the tasks are read once as the baseline of later
     * changes before the cache hears "started" (and lists), then every {@code every}; a broken stream ends the watch.
     */
    private final class Started implements RuntimeWatcher {

        @Override
        public void started() {
            submit(() -> {
                try {
                    changes.next(live(reads.tasks()));
                } catch (RuntimeFault e) {
                    fail(e);
                    return;
                }
                if (!over.get()) {
                    baselined = true;
                    watcher.started();
                    poller.scheduleWithFixedDelay(TaskWatch.this::poll, every.toMillis(), every.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            });
        }

        @Override
        public void event(RuntimeEvent event) {
            if (!over.get()) {
                watcher.event(event);
            }
        }

        @Override
        public void broken(Throwable cause) {
            if (over.compareAndSet(false, true)) {
                poller.shutdownNow();
                watcher.broken(cause);
            }
        }
    }
}
