package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.api.model.Task;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.EventStream;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One watch of a swarm for the observed-state cache. Swarm emits events for services and nodes (and the manager's
 * own containers), but none when a task changes state, moves or crashes on a worker; so beside the manager's event
 * stream this reads the live tasks every {@code ram.swarm.task-poll} (one call) and tells each service whose tasks
 * changed as an event of its own. A node event (drained, down) tells every service with a task on that node at once.
 * A failed read breaks the watch like a broken stream: the cache is not trusted until it has listed again.
 */
final class TaskWatch implements Closeable {

    /** Container events that say a task started or ended; the others say nothing the status shows. */
    private static final Set<String> TASK_LIFECYCLE = Set.of("start", "die", "oom");
    private static final String SERVICE_ID = "com.docker.swarm.service.id";

    private final EngineClient engine;
    private final Map<String, String> labels;
    private final RuntimeWatcher watcher;
    private final Supplier<List<Task>> liveTasks;
    private final Consumer<String> nodeChanged;
    private final Duration every;
    private final TaskChanges changes = new TaskChanges();
    private final AtomicBoolean over = new AtomicBoolean();
    private final ScheduledExecutorService poller = Threads.serial("swarm-tasks");
    private EventStream stream;

    /**
     * @param labels      the realm's labels: container events without them are not ours
     * @param liveTasks   reads the realm's tasks Swarm means to run (an engine call)
     * @param nodeChanged told the id of a node an event was about
     */
    TaskWatch(EngineClient engine, Map<String, String> labels, RuntimeWatcher watcher, Supplier<List<Task>> liveTasks,
            Consumer<String> nodeChanged, Duration every) {
        this.engine = engine;
        this.labels = Map.copyOf(labels);
        this.watcher = watcher;
        this.liveTasks = liveTasks;
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

    /** Service events as they are (a removal as the end it is), our containers' as their service's, nodes' later. */
    private List<RuntimeEvent> translate(Event event) {
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : event.getActor().getAttributes();
        String id = event.getActor() == null ? event.getId() : event.getActor().getId();
        long nanos = event.getTimeNano() != null ? event.getTimeNano() : nanos(Instant.now());
        String action = event.getAction() == null ? "" : event.getAction();
        if (event.getType() == EventType.SERVICE && id != null) {
            return List.of(new RuntimeEvent(action.equals("remove") ? "destroy" : action, id, attributes, nanos));
        }
        if (event.getType() == EventType.NODE && id != null) {
            submit(() -> nodeEvent(id, nanos));
            return List.of();
        }
        boolean ours = labels.entrySet().stream().allMatch(l -> l.getValue().equals(attributes.get(l.getKey())));
        if (event.getType() == EventType.CONTAINER && ours && attributes.containsKey(SERVICE_ID)
                && TASK_LIFECYCLE.contains(action)) {
            return List.of(new RuntimeEvent("task " + action, attributes.get(SERVICE_ID), attributes, nanos));
        }
        return List.of();
    }

    /** Every service with a task on the node may have moved or lost it: each is looked at, and the tasks read now. */
    private void nodeEvent(String nodeId, long nanos) {
        nodeChanged.accept(nodeId);
        changes.onNode(nodeId).forEach(service -> watcher.event(new RuntimeEvent("node", service, Map.of(), nanos)));
        poll();
    }

    private void poll() {
        if (over.get()) {
            return;
        }
        List<Task> tasks;
        try {
            tasks = liveTasks.get();
        } catch (RuntimeFault e) {
            fail(e);
            return;
        }
        long nanos = nanos(Instant.now());
        Map<String, Map<String, String>> taskLabels = new HashMap<>();
        tasks.forEach(t -> taskLabels.putIfAbsent(t.getServiceId(), t.getSpec() == null || t.getSpec().getContainerSpec() == null
                || t.getSpec().getContainerSpec().getLabels() == null ? Map.of() : t.getSpec().getContainerSpec().getLabels()));
        for (String service : changes.next(tasks)) {
            watcher.event(new RuntimeEvent("task", service, taskLabels.getOrDefault(service, Map.of()), nanos));
        }
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
                    changes.next(liveTasks.get());
                } catch (RuntimeFault e) {
                    fail(e);
                    return;
                }
                if (!over.get()) {
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
