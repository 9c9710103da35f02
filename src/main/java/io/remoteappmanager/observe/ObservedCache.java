package io.remoteappmanager.observe;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.time.Backoff;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The realm's containers as last observed, kept current by the engine's events (an informer): listed when the
 * event stream (re)connects and every {@code relistInterval}, updated from one inspect per event in between (none
 * when the event carries the watch's own read), and told of the actuator's own changes as they happen (events about
 * those wait until the actuator has read back what it did, and cost no inspect when that read covers them). Every
 * change wakes the controller ("look now").
 *
 * <p>Trust: until the first listing after a (re)connect, or after the stream broke or the heartbeat found the
 * engine not answering, the cache is not {@linkplain EngineState#trusted() trusted}; passes then act on nothing,
 * because "cannot list" never means "nothing runs". All feeding happens on one thread, in order.
 */
public final class ObservedCache implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ObservedCache.class);
    /**
     * Events that say nothing about what the planner or the status sees, by their first word: the engine names an
     * exec's command after it ({@code exec_start: /bin/sh -c ...}), and runs one for every HEALTHCHECK. A
     * {@code kill} only says a signal was sent: the process's end, if it ends, comes as {@code die}, so an inspect
     * for the kill read a container still running and doubled the inspects of every crash.
     */
    private static final Set<String> QUIET = Set.of("attach", "commit", "copy", "export", "resize", "top", "archive-path",
            "extract-to-dir", "exec_create", "exec_start", "exec_die", "exec_detach", "kill");
    /**
     * Our own launches answer with the container as it runs: an event from before that read adds nothing. A create
     * adds nothing once the container is known at all, whenever it was read: it existed at that read, so the read
     * came after its create (a swarm's launch answers with the service as created, stamped when the create was sent,
     * which is before the manager's own time of the create).
     */
    private static final Set<String> SEEN_BY_OUR_READ = Set.of("create", "start");

    private final ContainerRuntime runtime;
    private final LabelScheme labels;
    private final Settings settings;
    private final Clock clock;
    private final Consumer<String> onChange;
    private final ScheduledExecutorService feed;
    private final List<Jobs.Job> jobs = new ArrayList<>();

    private final Map<String, Entry> containers = new HashMap<>();
    /** The ids in {@link #containers} of each app key, so one key's attempt does not scan the whole realm. */
    private final Map<AppKey, Set<String>> idsByKey = new HashMap<>();
    /** Containers destroyed, with the engine time of their end, so a late answer cannot bring one back. */
    private final Map<String, Long> destroyed = new HashMap<>();
    private final HeldEvents held = new HeldEvents();
    private final Restarts restarts = new Restarts();
    private EngineState engine;
    private long generation;
    private Closeable subscription;
    private int failures;
    private volatile boolean closed;

    /**
     * How the cache follows the engine.
     *
     * @param relistInterval  the slow resync: a full listing even when the stream looks healthy
     * @param heartbeat       how often the engine is pinged, so one that stops answering is noticed
     * @param subscribeWithin how long a subscription may take before it counts as broken
     * @param resubscribe     the back-off between attempts to reconnect
     */
    public record Settings(Duration relistInterval, Duration heartbeat, Duration subscribeWithin, Backoff resubscribe) {}

    /** A container and when the read it came from was sent (wall clock, nanoseconds), to order reads and events. */
    private record Entry(ObservedContainer container, long readAtNanos) {}

    /**
     * What a pass plans from: every container of the realm and whether that can be trusted.
     *
     * @param restarts how often the engine's events told that each container was started again after its first
     *                 start, for those that were
     */
    public record Snapshot(List<ObservedContainer> containers, EngineState engine, Map<String, Integer> restarts) {}

    public ObservedCache(ContainerRuntime runtime, LabelScheme labels, Settings settings, Clock clock,
            Consumer<String> onChange) {
        this.runtime = runtime;
        this.labels = labels;
        this.settings = settings;
        this.clock = clock;
        this.onChange = onChange;
        this.engine = EngineState.starting(clock.instant());
        this.feed = Threads.serial("observed");
    }

    /**
     * Subscribes to the engine's events, then lists the realm; returns at once. The periodic relist (on the feed
     * thread, in order with the events) and the heartbeat run as two of {@code jobs}.
     */
    public void start(Jobs periodic) {
        feed.execute(this::subscribe);
        jobs.add(periodic.every("relist", settings.relistInterval(), () -> onFeed(this::periodicRelist)));
        jobs.add(periodic.every("engine-heartbeat", settings.heartbeat(), this::beat));
    }

    /** Every container of the realm and whether the cache can be trusted; no engine call. */
    public synchronized Snapshot snapshot() {
        List<ObservedContainer> all = new ArrayList<>(containers.size());
        containers.values().forEach(entry -> all.add(entry.container()));
        return new Snapshot(all, engine, restarts.counts());
    }

    /** The containers that run now, each where it is served now; no engine call. */
    public synchronized List<ObservedContainer> running() {
        List<ObservedContainer> running = new ArrayList<>();
        containers.values().forEach(entry -> {
            if (entry.container().isRunning()) {
                running.add(entry.container());
            }
        });
        return running;
    }

    /** The containers of one app; no engine call. */
    public synchronized List<ObservedContainer> forKey(AppKey key) {
        return idsByKey.getOrDefault(key, Set.of()).stream().map(id -> containers.get(id).container()).toList();
    }

    public synchronized EngineState engine() {
        return engine;
    }

    /**
     * Every container of the realm, listed now (one engine call), for a caller that cannot wait for the cache to be
     * trusted: the {@code plan} command, or a preview while the engine's stream is down.
     *
     * @throws RuntimeFault when the engine cannot be listed
     */
    public List<ObservedContainer> listOnce() {
        return runtime.list(labels.realmFilter()).stream()
                .flatMap(c -> ObservedContainers.from(c, labels).stream())
                .toList();
    }

    /** The actuator changed {@code container} and read it back: keep that read unless a newer one is known. */
    public void written(RuntimeContainer container) {
        ObservedContainers.from(container, labels).ifPresent(observed -> {
            synchronized (this) {
                put(observed, nanos(container.observedAt()));
            }
        });
    }

    /**
     * The actuator is about to change {@code key}'s containers. Until the returned scope is closed, events about them
     * are held rather than costing an inspect each while the actuator is still reading back what it did; then they
     * are applied in order, and those its own read or removal already covers cost nothing.
     */
    public ActingScope acting(AppKey key) {
        synchronized (this) {
            held.hold(key);
        }
        return () -> {
            List<Runnable> replays;
            synchronized (this) {
                replays = held.release(key);
            }
            replays.forEach(this::onFeed);
        };
    }

    /** What {@link #acting} returns: closing it lets the held events through. */
    public interface ActingScope extends AutoCloseable {
        @Override
        void close();
    }

    /** The actuator removed the container. */
    public synchronized void removed(String id) {
        forget(id);
        destroyed.put(id, nanos(Instant.now()));
    }

    @Override
    public void close() {
        closed = true;
        jobs.forEach(Jobs.Job::close);
        feed.shutdownNow();
        synchronized (this) {
            closeSubscription();
        }
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        long current;
        synchronized (this) {
            current = ++generation;
            closeSubscription();
        }
        try {
            Closeable handle = runtime.watch(labels.realmFilter(), new Watcher(current));
            synchronized (this) {
                subscription = handle;
            }
            schedule(() -> {
                if (isCurrent(current) && !engine().synced()) {
                    streamBroken(current, new RuntimeFault("the engine accepted no event subscription within "
                            + settings.subscribeWithin().toMillis() + " ms"));
                }
            }, settings.subscribeWithin());
        } catch (RuntimeFault e) {
            streamBroken(current, e);
        }
    }

    /** Lists the realm and replaces the cache; after this the cache is trusted (until the stream breaks again). */
    private void relist(long forGeneration) {
        if (!isCurrent(forGeneration)) {
            return;
        }
        long readAt = nanos(Instant.now());
        List<RuntimeContainer> listed;
        try {
            listed = runtime.list(labels.realmFilter());
        } catch (RuntimeFault e) {
            streamBroken(forGeneration, e);
            return;
        }
        boolean recovered;
        synchronized (this) {
            if (forGeneration != generation) {
                return;
            }
            containers.clear();
            idsByKey.clear();
            destroyed.values().removeIf(at -> at < readAt);
            listed.forEach(c -> ObservedContainers.from(c, labels).ifPresent(o -> put(o, readAt)));
            restarts.retainOnly(containers.keySet());
            recovered = !engine.trusted();
            engine = new EngineState(true, true, Optional.empty(), recovered ? clock.instant() : engine.since());
            failures = 0;
        }
        if (recovered) {
            LOG.infof("observed %d container(s) of realm '%s'; following the engine's events", listed.size(), labels.realm());
        }
        onChange.accept("realm listed");
    }

    private void periodicRelist() {
        long current;
        synchronized (this) {
            if (!engine.synced()) {
                return; // a reconnect is under way and lists anyway
            }
            current = generation;
        }
        relist(current);
    }

    private void apply(long forGeneration, RuntimeEvent event) {
        if (!isCurrent(forGeneration) || QUIET.contains(event.action().split(":", 2)[0]) || event.id() == null) {
            return;
        }
        Optional<AppKey> key = labels.appKey(event.labels());
        String reason = "container " + event.action() + ": " + key.map(Object::toString).orElse(event.id());
        if (event.isDestroy()) {
            synchronized (this) {
                forget(event.id());
                destroyed.put(event.id(), event.timeNanos());
            }
            onChange.accept(reason);
            return;
        }
        if (heldOrCovered(forGeneration, event, key)) {
            return;
        }
        // A read the watch made in the same call that found the change is what an inspect now would read again.
        Optional<RuntimeContainer> read;
        try {
            read = event.read().or(() -> runtime.inspect(event.id()));
        } catch (RuntimeFault e) {
            streamBroken(forGeneration, e);
            return;
        }
        synchronized (this) {
            if (read.isEmpty()) {
                forget(event.id());
            } else {
                ObservedContainers.from(read.get(), labels).ifPresent(o -> put(o, nanos(read.get().observedAt())));
            }
        }
        onChange.accept(reason);
    }

    /**
     * True when the event needs no inspect now: its key is held (it is kept for later), its container is already
     * destroyed, or it is one of our own launch's events and the cache holds a read from after it (for a create: any
     * read of the container).
     */
    private synchronized boolean heldOrCovered(long forGeneration, RuntimeEvent event, Optional<AppKey> key) {
        if (key.isPresent() && held.defer(key.get(), () -> apply(forGeneration, event))) {
            return true;
        }
        if (destroyed.containsKey(event.id())) {
            return true;
        }
        restarts.seen(event);
        Entry known = containers.get(event.id());
        return SEEN_BY_OUR_READ.contains(event.action()) && known != null && (event.action().equals("create")
                || !fromTheFuture(known) && known.readAtNanos() >= event.timeNanos());
    }

    /**
     * Stores a read unless the cache holds a newer one or the container was destroyed after the read started. A
     * known read stamped after now orders nothing: the wall clock stepped back since, and every read from now on
     * would look older than it.
     */
    private void put(ObservedContainer observed, long readAt) {
        Long end = destroyed.get(observed.id());
        Entry known = containers.get(observed.id());
        if ((end == null || end < readAt) && (known == null || fromTheFuture(known) || known.readAtNanos() <= readAt)) {
            containers.put(observed.id(), new Entry(observed, readAt));
            idsByKey.computeIfAbsent(observed.key(), k -> new HashSet<>(2)).add(observed.id());
        }
    }

    /** Drops container {@code id} from the cache and from its key's ids. */
    private void forget(String id) {
        restarts.forget(id);
        Entry gone = containers.remove(id);
        if (gone != null) {
            AppKey key = gone.container().key();
            Set<String> ids = idsByKey.get(key);
            ids.remove(id);
            if (ids.isEmpty()) {
                idsByKey.remove(key);
            }
        }
    }

    private static boolean fromTheFuture(Entry known) {
        return known.readAtNanos() > nanos(Instant.now());
    }

    private void streamBroken(long forGeneration, Throwable cause) {
        Duration delay;
        synchronized (this) {
            if (closed || forGeneration != generation) {
                return;
            }
            generation++;
            closeSubscription();
            failures++;
            delay = settings.resubscribe().delay(failures);
            engine = new EngineState(false, false, Optional.of(describe(cause)),
                    engine.trusted() ? clock.instant() : engine.since());
        }
        LOG.warnf("engine events: %s; the observed state is not trusted until the realm is listed again "
                + "(next try in %d ms)", describe(cause), delay.toMillis());
        onChange.accept("engine unreachable");
        schedule(this::subscribe, delay);
    }

    private void beat() {
        long current;
        synchronized (this) {
            current = generation;
        }
        try {
            runtime.ping();
        } catch (RuntimeFault e) {
            feed.execute(() -> streamBroken(current, e));
        }
    }

    private synchronized boolean isCurrent(long forGeneration) {
        return !closed && forGeneration == generation;
    }

    private void closeSubscription() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (IOException e) {
                LOG.debugf("closing the event stream: %s", e.getMessage());
            }
            subscription = null;
        }
    }

    /** Runs {@code task} on the feed thread, after everything queued there before it. */
    private void onFeed(Runnable task) {
        try {
            feed.execute(task);
        } catch (RejectedExecutionException stopping) {
            // closed
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            feed.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // closed
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Hands one subscription's news to the feed thread, which ignores it once a newer subscription exists. */
    private final class Watcher implements RuntimeWatcher {
        private final long forGeneration;

        Watcher(long forGeneration) {
            this.forGeneration = forGeneration;
        }

        @Override
        public void started() {
            onFeed(() -> relist(forGeneration));
        }

        @Override
        public void event(RuntimeEvent event) {
            onFeed(() -> apply(forGeneration, event));
        }

        @Override
        public void broken(Throwable cause) {
            onFeed(() -> streamBroken(forGeneration, cause));
        }
    }
}
