package io.remoteappmanager.api;

import io.remoteappmanager.reconcile.PassResult;
import java.util.List;

/** What an explicitly requested pass did: each action with its outcome, every app's phase, pass-wide warnings. */
public record ReconcileView(List<ActionView> actions, List<PlanView.DecisionView> apps, List<String> warnings) {

    static ReconcileView of(PassResult result) {
        return new ReconcileView(
                result.outcomes().stream().map(ActionView::done).toList(),
                result.plan().map(p -> p.decisions().stream().map(PlanView.DecisionView::of).toList()).orElse(List.of()),
                result.plan().map(p -> p.warnings()).orElse(List.of()));
    }
}
