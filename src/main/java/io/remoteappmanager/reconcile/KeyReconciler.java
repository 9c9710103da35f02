package io.remoteappmanager.reconcile;

import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.observe.ObservedCache;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.planner.Planner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings one app to its desired state, as controller-runtime's Reconciler does for one request: given only the key,
 * it decides once from the latest inputs (the pass that queued the key may be a moment old), carries out that
 * decision's actions in order, and says what came of it. What follows from that (history, back-off, requeue,
 * status) is settled by the work loop ({@link KeyWorkers}), in one place.
 */
final class KeyReconciler {

    private final Planner planner;
    private final PlanInputsReader inputs;
    private final Actuator actuator;
    private final DisruptionBudget budget;
    private final KeyHistories histories;
    private final ObservedCache cache;
    private final Supplier<DesiredState> desired;
    private final Clock clock;

    KeyReconciler(Planner planner, PlanInputsReader inputs, Actuator actuator, DisruptionBudget budget,
            KeyHistories histories, ObservedCache cache, Supplier<DesiredState> desired, Clock clock) {
        this.planner = planner;
        this.inputs = inputs;
        this.actuator = actuator;
        this.budget = budget;
        this.histories = histories;
        this.cache = cache;
        this.desired = desired;
        this.clock = clock;
    }

    /** One attempt at {@code key}: decide, act, and say how it went. */
    KeyResult reconcile(AppKey key) {
        if (!cache.engine().trusted()) {
            return KeyResult.engineUntrusted(key);
        }
        DesiredState wanted = desired.get();
        Optional<Decision> decision = planner.decide(key, inputs.read(wanted, cache.forKey(key)), clock.instant());
        if (decision.isEmpty() || decision.get().actions().isEmpty()) {
            return KeyResult.nothingToDo(key);
        }
        if (!budget.admits(decision.get(), wanted.apps().size())) {
            return KeyResult.waitingForBudget(key);
        }
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (Action action : decision.get().actions()) {
            if (action.kind() == Action.Kind.STOP) {
                // Before the stop: from then on its exit is no crash, even to a pass that sees the exit first.
                histories.stoppingIdle(key);
            }
            ActionOutcome outcome = actuator.apply(action);
            outcomes.add(outcome);
            if (outcome.failed()) {
                break;
            }
        }
        return KeyResult.acted(key, decision.get().version(), outcomes);
    }
}
