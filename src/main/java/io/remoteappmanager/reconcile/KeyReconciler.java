package io.remoteappmanager.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.actuator.ActionOutcome;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.images.ImageUpdates;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.observe.ObservedCache;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Idling;
import io.remoteappmanager.planner.PlanInputs;
import io.remoteappmanager.planner.Planner;
import io.remoteappmanager.queue.WorkQueue;
import io.remoteappmanager.readiness.ReadinessProbes;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings one app to its desired state, as controller-runtime's Reconciler does for one request: given only the
 * key, it decides again from the latest inputs (the pass that queued the key may be a moment old), carries out the
 * decision's actions in order, records how they went for back-off, and publishes the key's new status. A failure
 * queues the key again after its back-off; a stuck engine call holds this key only, until its deadline.
 */
final class KeyReconciler {

    private final Planner planner;
    private final Actuator actuator;
    private final KeyHistories histories;
    private final DisruptionBudget budget;
    private final ObservedCache cache;
    private final ReadinessProbes probes;
    private final ImageUpdates images;
    private final StatusBoard status;
    private final WorkQueue<AppKey> queue;
    private final Supplier<DesiredState> desired;
    private final Supplier<Idling> idling;
    private final MeterRegistry metrics;
    private final Clock clock;

    KeyReconciler(Planner planner, Actuator actuator, KeyHistories histories, DisruptionBudget budget,
            ObservedCache cache, ReadinessProbes probes, ImageUpdates images, StatusBoard status,
            WorkQueue<AppKey> queue, Supplier<DesiredState> desired, Supplier<Idling> idling, MeterRegistry metrics,
            Clock clock) {
        this.planner = planner;
        this.actuator = actuator;
        this.histories = histories;
        this.budget = budget;
        this.cache = cache;
        this.probes = probes;
        this.images = images;
        this.status = status;
        this.queue = queue;
        this.desired = desired;
        this.idling = idling;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reconciles {@code key}; returns how each action it carried out ended (none when there was nothing to do). */
    List<ActionOutcome> reconcile(AppKey key) {
        if (!cache.engine().trusted()) {
            return List.of(); // the pass after the cache is trusted again queues the key anew
        }
        DesiredState wanted = desired.get();
        Optional<Decision> decision = planner.decide(key, inputs(key, wanted), clock.instant());
        if (decision.isEmpty() || decision.get().actions().isEmpty()) {
            return List.of();
        }
        if (disrupts(decision.get()) && !budget.tryEnter(key, wanted.apps().size())) {
            waitForBudget(key, decision.get(), wanted);
            return List.of();
        }
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (Action action : decision.get().actions()) {
            if (action.kind() == Action.Kind.STOP) {
                histories.stoppingIdle(key); // from the stop on, its exit is no crash, even to a pass that sees it first
            }
            ActionOutcome outcome = actuator.apply(action);
            outcomes.add(outcome);
            record(outcome);
            if (outcome.failed()) {
                break;
            }
        }
        Optional<AppSpec> spec = Optional.ofNullable(wanted.apps().get(key));
        Optional<Decision> after = planner.decide(key, inputs(key, wanted), clock.instant());
        after.flatMap(Decision::container).ifPresent(container -> probes.watch(container, spec));
        status.publish(s -> StatusProjection.afterKey(s, key, after, spec, probes::verdict, outcomes, clock.instant()));
        return outcomes;
    }

    /**
     * A recreate of a container that runs: it takes the app out of service until the new one answers (an unhealthy
     * one is out already, but a liveness setting that fails everywhere must not recreate every app at once).
     */
    private static boolean disrupts(Decision decision) {
        return decision.actions().stream().anyMatch(a -> a.kind() == Action.Kind.RECREATE
                && a.container().filter(ObservedContainer::isRunning).isPresent());
    }

    /** Leaves the key as it is and says why; the pass after another app is back queues it again. */
    private void waitForBudget(AppKey key, Decision decision, DesiredState wanted) {
        String why = decision.message() + "; waiting: " + budget.inProgress() + " app(s) are being recreated, "
                + "at most " + budget.limit(wanted.apps().size()) + " at once (ram.reconcile.max-disruptions)";
        Decision waiting = new Decision(key, decision.phase(), decision.actions(), decision.container(), why);
        status.publish(s -> StatusProjection.afterKey(s, key, Optional.of(waiting),
                Optional.ofNullable(wanted.apps().get(key)), probes::verdict, List.of(), clock.instant()));
    }

    private PlanInputs inputs(AppKey key, DesiredState wanted) {
        return new PlanInputs(wanted, cache.forKey(key), histories::history, probes::verdict, idling.get(),
                images::digest);
    }

    /** Remembers how an action went: back-off after a failure (and a retry then), the container it started. */
    private void record(ActionOutcome outcome) {
        Action action = outcome.action();
        Instant now = clock.instant();
        metrics.counter("ram.actions", "kind", action.verb(), "outcome", outcome.result().name().toLowerCase(Locale.ROOT))
                .increment();
        if (outcome.failed() || action.failedStart()) {
            String error = outcome.error().orElse(action.reason());
            Instant retryAt = histories.failed(action.key(), error, now);
            queue.addAfter(action.key(), Duration.between(now, retryAt));
        } else if (action.repairs()) {
            outcome.started().ifPresent(id -> {
                probes.forget(id);
                histories.restarted(action.key(), id, now);
            });
        } else {
            histories.succeeded(action.key(), outcome.started());
        }
    }
}
