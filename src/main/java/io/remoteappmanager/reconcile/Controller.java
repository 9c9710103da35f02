package io.remoteappmanager.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.remoteappmanager.actuator.ActionOutcome;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.images.ImageUpdates;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.observe.ObservedCache;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Idling;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.planner.PlanInputs;
import io.remoteappmanager.planner.Planner;
import io.remoteappmanager.planner.UrlpathClaims;
import io.remoteappmanager.queue.WorkQueue;
import io.remoteappmanager.readiness.ReadinessProbes;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusProjection;
import io.remoteappmanager.time.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The reconcile loop: a level-based pass reads the whole desired state (the spec source) and the whole observed
 * state (the event-fed cache, so no engine call), plans every key, publishes status and queues the keys that need
 * work; {@code ram.reconcile.parallelism} workers take keys from the queue and reconcile each on its own
 * ({@link KeyReconciler}), so a slow or stuck action holds only its key. An event only says "look now".
 */
public final class Controller implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Controller.class);
    /** How long closing waits for actions under way. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    /**
     * How the loop runs.
     *
     * @param interval the periodic pass, the safety net under every trigger
     * @param settle   how soon to look again at spec files caught while being written
     */
    public record Settings(int parallelism, Duration interval, Duration settle, Backoff backoff, String maxDisruptions) {}

    private final SpecSource source;
    private final ObservedCache cache;
    private final ReadinessProbes probes;
    private final ImageUpdates images;
    private final Planner planner;
    private final SpecHashes hashes;
    private final KeyHistories histories;
    private final DisruptionBudget budget;
    private final WorkQueue<AppKey> queue = new WorkQueue<>("ram-work");
    private final KeyReconciler keys;
    private final StatusBoard status;
    private final PassLoop loop;
    private final Settings settings;
    private final Clock clock;
    private final Timer passTimer;
    private final Supplier<Idling> idling;
    private final SpecProblemLog problemLog = new SpecProblemLog();
    private final Map<AppKey, List<PassWork>> waiters = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService resync;
    private volatile DesiredState desired;

    /**
     * @param images          which digest the tags of the images apps pull Always name in their registries
     * @param template        gives every desired spec its {@code spec_hash}
     * @param pruneAllowEmpty {@code ram.prune.allow-empty}
     * @param livenessByDefault {@code ram.liveness.enabled}
     * @param idling          the proxy's activity and the wake requests as they are now, for idle culling
     */
    public Controller(SpecSource source, ObservedCache cache, ReadinessProbes probes, ImageUpdates images,
            Actuator actuator, ContainerTemplate template, boolean pruneAllowEmpty, boolean livenessByDefault,
            StatusBoard status, Settings settings, Supplier<Idling> idling, MeterRegistry metrics, Clock clock) {
        this.source = source;
        this.cache = cache;
        this.probes = probes;
        this.images = images;
        this.hashes = new SpecHashes(template::specHash);
        this.planner = new Planner(pruneAllowEmpty, livenessByDefault, hashes);
        this.histories = new KeyHistories(settings.backoff());
        this.status = status;
        this.settings = settings;
        this.clock = clock;
        this.idling = idling;
        this.passTimer = metrics.timer("ram.reconcile.pass");
        this.desired = DesiredState.NONE;
        this.budget = new DisruptionBudget(settings.maxDisruptions());
        this.keys = new KeyReconciler(planner, actuator, histories, budget, cache, probes, images, status, queue,
                () -> desired, idling, metrics, clock);
        this.loop = new PassLoop(this::pass, clock);
        this.workers = Executors.newFixedThreadPool(settings.parallelism(), daemon("ram-worker"));
        this.resync = Executors.newSingleThreadScheduledExecutor(daemon("ram-resync"));
    }

    /** Starts the workers, the periodic pass and a first pass. */
    public void start() {
        for (int i = 0; i < settings.parallelism(); i++) {
            workers.execute(this::work);
        }
        long every = settings.interval().toMillis();
        resync.scheduleAtFixedRate(() -> trigger("periodic resync"), every, every, TimeUnit.MILLISECONDS);
        loop.start();
    }

    /** Asks for a pass ("look now"); triggers that arrive during a pass fold into one next pass. */
    public void trigger(String reason) {
        loop.trigger(reason);
    }

    /** Asks for a pass; completes with its plan and how the actions it queued ended, once the workers are done. */
    public CompletableFuture<PassResult> requestPass(String reason) {
        return loop.requestPass(reason);
    }

    /**
     * What a pass would do now, from a fresh read of the source and the cached observed state (listing the realm
     * once when the cache is not trusted); nothing is done or recorded.
     *
     * @throws io.remoteappmanager.runtime.RuntimeFault when the engine cannot be listed
     */
    public Preview preview() {
        ObservedCache.Snapshot observed = cache.snapshot();
        List<ObservedContainer> containers = observed.engine().trusted() ? observed.containers() : cache.listOnce();
        DesiredState wanted = UrlpathClaims.guard(source.read(), containers);
        Plan plan = planner.plan(inputs(wanted, containers), clock.instant());
        return new Preview(wanted, containers, plan);
    }

    /** How long the current pass has been running, if one is. */
    public Optional<Duration> currentPassAge() {
        return loop.currentPassAge();
    }

    public Optional<Instant> lastPassEndedAt() {
        return loop.lastPassEndedAt();
    }

    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Pending pass triggers plus keys waiting for or held by a worker. */
    public int backlog() {
        return loop.pendingTriggers() + queue.depth() + queue.inFlight();
    }

    /**
     * Stops passes and workers; an action under way is let finish (each of its engine calls ends by its deadline),
     * so no half-done change is left behind, and every container is left as it is.
     */
    @Override
    public void close() {
        resync.shutdownNow();
        loop.close();
        queue.close();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("actions still under way after %s; abandoning them", CLOSE_GRACE);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private PassLoop.Ran pass(String trigger) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        ObservedCache.Snapshot observed = cache.snapshot();
        DesiredState read = source.read();
        DesiredState wanted = observed.engine().trusted() ? UrlpathClaims.guard(read, observed.containers()) : read;
        desired = wanted;
        hashes.retain(wanted);
        images.watch(wanted);
        problemLog.report(wanted.problems());
        if (!observed.engine().trusted()) {
            String error = observed.engine().error().orElse("the observed state is not trusted");
            PassSummary summary = summary(now, started, trigger, wanted, 0, 0, Optional.of(error), List.of());
            status.publish(s -> StatusProjection.passWithoutEngine(s, summary, observed.engine(), source.status()));
            return new PassLoop.Ran(CompletableFuture.completedFuture(PassResult.engineDown(error)), Optional.empty());
        }
        Plan plan = planner.plan(inputs(wanted, observed.containers()), now);
        histories.retainOnly(plan.decisions().stream().map(Decision::key).toList());
        budget.retainOnly(plan.decisions().stream().filter(d -> d.phase() != Phase.Running && d.phase() != Phase.Idle)
                .map(Decision::key).toList());
        for (Decision decision : plan.decisions()) {
            if (decision.phase() == Phase.Running) {
                histories.settled(decision.key(), now);
            }
            decision.container().ifPresent(c -> probes.watch(c, Optional.ofNullable(wanted.apps().get(decision.key()))));
        }
        probes.retainOnly(cache::running); // the cache now: a worker may have started one since the snapshot
        problemLog.warnings(plan.warnings());
        long failing = plan.decisions().stream().filter(d -> d.phase() == Phase.Failed).count();
        List<String> warnings = Stream.concat(plan.warnings().stream(), images.warnings().stream()).toList();
        PassSummary summary = summary(now, started, trigger, wanted, plan.actions().size(), (int) failing,
                Optional.empty(), warnings);
        status.publish(s -> StatusProjection.afterPass(s, plan, wanted, probes::verdict, summary, observed.engine(),
                source.status(), now));
        passTimer.record(Duration.ofNanos(System.nanoTime() - started));
        return new PassLoop.Ran(queueWork(plan), wakeAt(plan, wanted, now));
    }

    /** Queues every key with something to do; the result completes once the workers are done with all of them. */
    private CompletableFuture<PassResult> queueWork(Plan plan) {
        List<AppKey> busy = plan.decisions().stream().filter(d -> !d.actions().isEmpty()).map(Decision::key).toList();
        PassWork work = new PassWork(plan, busy);
        for (AppKey key : busy) {
            waiters.compute(key, (k, list) -> {
                List<PassWork> all = list == null ? new ArrayList<>() : list;
                all.add(work);
                return all;
            });
            queue.add(key);
        }
        return work.result();
    }

    /** One worker: takes keys until the queue closes; a key's waiters are those registered before it was taken. */
    private void work() {
        try {
            for (Optional<AppKey> next = queue.take(); next.isPresent(); next = queue.take()) {
                AppKey key = next.get();
                List<PassWork> claimed = Optional.ofNullable(waiters.remove(key)).orElse(List.of());
                List<ActionOutcome> outcomes = List.of();
                try {
                    outcomes = keys.reconcile(key);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: reconcile failed unexpectedly; the next pass tries again", key);
                } finally {
                    queue.done(key);
                    for (PassWork work : claimed) {
                        work.finished(key, outcomes);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PlanInputs inputs(DesiredState wanted, List<ObservedContainer> observed) {
        return new PlanInputs(wanted, observed, histories::history, probes::verdict, idling.get(), images::digest);
    }

    /** When to look again unasked: a held key's back-off ending, or spec files still being written settling. */
    private Optional<Instant> wakeAt(Plan plan, DesiredState wanted, Instant now) {
        Stream<Instant> settling = wanted.unsettled().isEmpty() ? Stream.empty() : Stream.of(now.plus(settings.settle()));
        return Stream.concat(plan.requeueAt().stream(), settling).min(Instant::compareTo);
    }

    private PassSummary summary(Instant now, long startedNanos, String trigger, DesiredState wanted, int actions,
            int failures, Optional<String> engineError, List<String> warnings) {
        return new PassSummary(Optional.of(now), Duration.ofNanos(System.nanoTime() - startedNanos), trigger, actions,
                failures, engineError, wanted.problems().stream().map(Object::toString).toList(), warnings);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
