package io.remoteappmanager.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.images.ImageCatalog;
import io.remoteappmanager.images.ImageUpdates;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.observe.ObservedCache;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Idling;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.planner.Planner;
import io.remoteappmanager.planner.UrlpathClaims;
import io.remoteappmanager.readiness.ReadinessProbes;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusProjection;
import io.remoteappmanager.time.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The reconcile loop: a level-based pass reads the whole desired state (the spec source) and the whole observed
 * state (the event-fed cache, so no engine call), plans every key, publishes status and queues the keys that need
 * work; {@code ram.reconcile.parallelism} workers ({@link KeyWorkers}) take keys from the queue and reconcile each
 * on its own ({@link KeyReconciler}), so a slow or stuck action holds only its key. Status is the output of passes
 * alone: a finished attempt asks for the next pass. An event only says "look now". While another controller leads
 * the realm, passes plan and publish status as ever but queue nothing: that is where a standby stops short of acting.
 */
public final class Controller implements AutoCloseable {

    /**
     * How long adopted containers' probes wait at most for the first pass's launches (an image pull can take minutes;
     * the adopted apps keep their routes meanwhile, but their status waits).
     */
    static final Duration ADOPTED_PROBES_WAIT_AT_MOST = Duration.ofSeconds(10);

    /**
     * How the loop runs.
     *
     * @param interval          the periodic pass, the safety net under every trigger
     * @param settle            how soon to look again at spec files caught while being written
     * @param pruneAllowEmpty   {@code ram.prune.allow-empty}
     * @param livenessByDefault {@code ram.liveness.enabled}
     */
    public record Settings(int parallelism, Duration interval, Duration settle, Backoff backoff, String maxDisruptions,
            boolean pruneAllowEmpty, boolean livenessByDefault) {}

    private final SpecSource source;
    private final ObservedCache cache;
    private final ReadinessProbes probes;
    private final ImageUpdates images;
    private final ImageCatalog catalog;
    private final Planner planner;
    private final PlanInputsReader inputs;
    private final SpecHashes hashes;
    private final KeyHistories histories;
    private final LeaderRepairs leaderRepairs;
    private final DisruptionBudget budget;
    private final LastActions lastActions = new LastActions();
    private final DesiredOverlay overlay = new DesiredOverlay();
    private final KeyWorkers workers;
    private final StatusBoard status;
    private final PassLoop loop;
    private final Settings settings;
    private final Clock clock;
    private final BooleanSupplier leads;
    private final Timer passTimer;
    private final SpecProblemLog problemLog = new SpecProblemLog();
    private Jobs.Job resync;
    /** Lets adopted containers' probes go: run once, after the first pass with a trusted engine queued its work. */
    private Runnable releaseAdoptedProbes;
    private volatile DesiredState desired;

    /**
     * @param images          which digest the tags of the images apps pull Always name in their registries
     * @param catalog         what the images containers run say of their apps; a pass hands it each image it sees
     * @param specHash        every desired spec's {@code spec_hash}
     * @param idling          the proxy's activity and the wake requests as they are now, for idle culling
     * @param leads           whether this controller leads its realm now: only then does a pass queue work
     */
    public Controller(SpecSource source, ObservedCache cache, ReadinessProbes probes, ImageUpdates images,
            ImageCatalog catalog, Actuator actuator, Function<AppSpec, String> specHash, StatusBoard status,
            Settings settings, Supplier<Idling> idling, BooleanSupplier leads, MeterRegistry metrics, Clock clock) {
        this.source = source;
        this.cache = cache;
        this.probes = probes;
        this.images = images;
        this.catalog = catalog;
        this.hashes = new SpecHashes(specHash);
        this.planner = new Planner(settings.pruneAllowEmpty(), settings.livenessByDefault(), hashes);
        this.histories = new KeyHistories(settings.backoff());
        this.leaderRepairs = new LeaderRepairs(histories);
        this.inputs = new PlanInputsReader(histories, probes, idling, images);
        this.status = status;
        this.settings = settings;
        this.clock = clock;
        this.leads = leads;
        this.passTimer = metrics.timer("ram.reconcile.pass");
        this.desired = DesiredState.NONE;
        this.budget = new DisruptionBudget(settings.maxDisruptions());
        this.loop = new PassLoop(this::pass, clock);
        KeyReconciler reconciler = new KeyReconciler(planner, inputs, actuator, budget, histories, cache,
                () -> desired, clock);
        this.workers = new KeyWorkers(reconciler::reconcile, histories, probes::forget, lastActions, this::trigger,
                settings.parallelism(), metrics, clock);
    }

    /**
     * Starts the workers, the periodic pass (one of {@code jobs}) and a first pass. Adopted containers' probes wait
     * until that pass's launches have answered: after a restart, the apps it starts go first at the engine.
     */
    public void start(Jobs jobs) {
        releaseAdoptedProbes = probes.holdAdopted();
        workers.start();
        resync = jobs.every("resync", settings.interval(), () -> trigger("periodic resync"));
        loop.start();
    }

    /** Asks for a pass ("look now"); triggers that arrive during a pass fold into one next pass. */
    public void trigger(String reason) {
        loop.trigger(reason);
    }

    /**
     * Asks for a pass; completes with its plan and how the actions it queued ended, once the workers are done with
     * them and a pass after that has put them into status.
     */
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
        DesiredState wanted = UrlpathClaims.guard(overlay.over(source.read()), containers);
        Plan plan = planner.plan(inputs.read(wanted, containers), clock.instant());
        return new Preview(wanted, containers, plan);
    }

    /** The app the last pass wanted for {@code key} (from a spec source or a request), if any. */
    public Optional<AppSpec> desiredApp(AppKey key) {
        return Optional.ofNullable(desired.apps().get(key));
    }

    /** The requests laid over the spec source's desired state: the seed API's starts and stops. */
    public DesiredOverlay overlay() {
        return overlay;
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
        return loop.pendingTriggers() + workers.backlog();
    }

    /**
     * Stops passes and workers; an action under way is let finish (each of its engine calls ends by its deadline),
     * so no half-done change is left behind, and every container is left as it is.
     */
    @Override
    public void close() {
        if (resync != null) {
            resync.close();
        }
        loop.close();
        workers.close();
    }

    /**
     * One pass: read both states, apply the guards that concern more than one key (urlpath claims, pruning, the
     * disruption budget), publish status, and queue every key that has something to do.
     */
    private PassLoop.Ran pass(String trigger, boolean awaited) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        ObservedCache.Snapshot observed = cache.snapshot();
        DesiredState read = overlay.over(source.read());
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
        overlay.forgetStopped(observed.containers());
        observed.containers().forEach(c -> catalog.seen(c.imageId()));
        Plan planned = planner.plan(inputs.read(wanted, observed.containers()), now);
        Set<AppKey> plannedKeys = Set.copyOf(planned.decisions().stream().map(Decision::key).toList());
        histories.retainOnly(plannedKeys);
        leaderRepairs.retainOnly(plannedKeys);
        budget.retainOnly(planned.decisions().stream()
                .filter(d -> d.phase() != Phase.Running && d.phase() != Phase.Idle).map(Decision::key).toList());
        Plan plan = budget.guard(planned, wanted.apps().size());
        boolean leading = leads.getAsBoolean();
        for (Decision decision : plan.decisions()) {
            leaderRepairs.watch(decision, observed.restarts(), leading, now);
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
        Map<AppKey, List<ActionOutcome>> done = lastActions.drain();
        status.publish(s -> StatusProjection.afterPass(s, plan, wanted, probes::verdict,
                key -> done.getOrDefault(key, List.of()), catalog::metadata, summary, observed.engine(), source.status(),
                now));
        passTimer.record(Duration.ofNanos(System.nanoTime() - started));
        return new PassLoop.Ran(queueWork(plan, leading, awaited), wakeAt(plan, wanted, now));
    }

    /**
     * Queues every key with something to do, if this controller leads; the first pass to get here lets adopted
     * containers' probes go once these attempts have ended (at most {@link #ADOPTED_PROBES_WAIT_AT_MOST} later). When
     * the pass is {@code awaited}, the result
     * completes once the attempts that serve them have ended and a pass after them has put what they did into status;
     * otherwise nobody reads it, and it holds neither the plan nor the attempts (passes follow each other while keys
     * are still being worked on, and each kept its whole plan until its last key was done: gigabytes at 100,000 apps).
     */
    private CompletableFuture<PassResult> queueWork(Plan plan, boolean leading, boolean awaited) {
        List<CompletableFuture<KeyResult>> attempts = !leading ? List.of() : plan.decisions().stream()
                .filter(d -> !d.actions().isEmpty()).map(d -> workers.submit(d.key())).toList();
        if (releaseAdoptedProbes != null) {
            Runnable release = releaseAdoptedProbes;
            releaseAdoptedProbes = null;
            CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                    .completeOnTimeout(null, ADOPTED_PROBES_WAIT_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((done, failed) -> release.run());
        }
        if (attempts.isEmpty() || !awaited) {
            return CompletableFuture.completedFuture(new PassResult(Optional.of(plan), List.of(), Optional.empty()));
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new))
                .thenCompose(all -> loop.nextPass("the work of a requested pass is done"))
                .thenApply(published -> new PassResult(Optional.of(plan),
                        attempts.stream().flatMap(a -> a.join().outcomes().stream()).toList(), Optional.empty()));
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
}
