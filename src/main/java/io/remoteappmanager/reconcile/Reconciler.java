package io.remoteappmanager.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.All;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.executor.ActionOutcome;
import io.remoteappmanager.executor.Backoffs;
import io.remoteappmanager.executor.Executor;
import io.remoteappmanager.manager.ContainerTemplate;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Plan;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One level-based pass: read every spec, list every container of the realm (one API call), plan, act.
 * Nothing is carried from one pass to the next but back-off history; an event only says "look now".
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final PlanSnapshot snapshot;
    private final Executor executor;
    private final Backoffs backoffs;
    private final StatusStore status;
    private final SpecProblemLog problemLog = new SpecProblemLog();
    private final EngineRetry engineRetry = new EngineRetry();
    private final Timer passTimer;
    private final List<PassListener> listeners;
    private final Clock clock = Clock.systemUTC();
    private final Duration settle;

    public Reconciler(SpecSource specs, ContainerRuntime runtime, LabelScheme labels, ContainerTemplate template,
            Executor executor, Backoffs backoffs, StatusStore status, MeterRegistry metrics, RamConfig config,
            @All List<PassListener> listeners) {
        this.snapshot = new PlanSnapshot(specs, runtime, labels, template, config.prune().allowEmpty());
        this.executor = executor;
        this.backoffs = backoffs;
        this.status = status;
        this.passTimer = metrics.timer("ram.reconcile.pass");
        this.listeners = List.copyOf(listeners);
        this.settle = config.specs().debounce();
    }

    /** Runs one pass. Passes never overlap: a caller arriving during a pass waits for it to end. */
    public synchronized PassResult reconcile(String trigger) {
        PassResult result = pass(trigger);
        for (PassListener listener : listeners) {
            try {
                listener.afterPass(result);
            } catch (RuntimeException e) {
                LOG.errorf(e, "after-pass work of %s failed", listener.getClass().getSimpleName());
            }
        }
        return result;
    }

    private PassResult pass(String trigger) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        DesiredState desired = snapshot.readSpecs();
        problemLog.report(desired.problems());
        List<ObservedContainer> observed;
        try {
            observed = snapshot.observe();
        } catch (RuntimeFault e) {
            Instant retryAt = engineRetry.failed(now);
            LOG.warnf("pass (%s): cannot list containers, doing nothing, retry at %s: %s", trigger, retryAt, e.getMessage());
            status.recordPass(summary(now, started, trigger, desired, List.of(), List.of(), Optional.of(e.getMessage())));
            return PassResult.engineDown(e.getMessage(), retryAt);
        }
        engineRetry.succeeded();
        Plan plan = snapshot.plan(desired, observed, backoffs::history, now);
        settleBackoffs(plan, now);
        status.recordPlan(plan, desired, now);
        problemLog.warnings(plan.warnings());
        List<ActionOutcome> outcomes = executor.execute(plan);
        status.recordPass(summary(now, started, trigger, desired, plan.warnings(), outcomes, Optional.empty()));
        passTimer.record(Duration.ofNanos(System.nanoTime() - started));
        boolean relist = outcomes.stream().anyMatch(o -> o.result() == ActionOutcome.Result.DONE_ELSEWHERE);
        return new PassResult(Optional.of(plan), outcomes, requeueAt(plan, outcomes, desired, now), Optional.empty(), relist);
    }

    /**
     * When the loop must look again: the plan's held keys, the retry time of every action that failed during this
     * pass (the plan was made before they failed, so it cannot know them), and spec files still being written.
     */
    private Optional<Instant> requeueAt(Plan plan, List<ActionOutcome> outcomes, DesiredState desired, Instant now) {
        Stream<Instant> settling = desired.unsettled().isEmpty() ? Stream.empty() : Stream.of(now.plus(settle));
        return Stream.of(plan.requeueAt().stream(), settling, outcomes.stream()
                        .filter(o -> o.result() == ActionOutcome.Result.FAILED)
                        .flatMap(o -> backoffs.history(o.action().key()).notBefore().stream()))
                .flatMap(s -> s)
                .min(Comparator.naturalOrder());
    }

    /** What a pass would do now, without doing it or recording it; waits for a running pass to end. */
    public synchronized PlanSnapshot.Result preview() {
        return snapshot.take(backoffs::history, clock.instant());
    }

    private void settleBackoffs(Plan plan, Instant now) {
        backoffs.retainOnly(plan.decisions().stream().map(Decision::key).collect(Collectors.toSet()));
        plan.decisions().stream().filter(d -> d.phase() == Phase.Running).forEach(d -> backoffs.settled(d.key(), now));
    }

    private PassSummary summary(Instant now, long startedNanos, String trigger, DesiredState desired,
            List<String> warnings, List<ActionOutcome> outcomes, Optional<String> engineError) {
        int failures = (int) outcomes.stream().filter(o -> o.result() == ActionOutcome.Result.FAILED).count();
        return new PassSummary(Optional.of(now), Duration.ofNanos(System.nanoTime() - startedNanos), trigger,
                outcomes.size(), failures, engineError,
                desired.problems().stream().map(Object::toString).toList(), warnings);
    }
}
