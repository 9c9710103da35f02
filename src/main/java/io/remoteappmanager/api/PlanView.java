package io.remoteappmanager.api;

import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.planner.Decision;
import io.remoteappmanager.reconcile.Preview;
import java.util.List;

/** What a pass would do now: every app's phase and message, the actions, pass-wide warnings and spec problems. */
public record PlanView(List<DecisionView> apps, List<ActionView> actions, List<String> warnings, List<String> problems) {

    /** One app's verdict in the plan. */
    public record DecisionView(String key, String phase, String message, List<ActionView> actions) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.key().toString(), d.phase().name(), d.message(),
                    d.actions().stream().map(ActionView::planned).toList());
        }
    }

    static PlanView of(Preview snapshot) {
        return new PlanView(
                snapshot.plan().decisions().stream().map(DecisionView::of).toList(),
                snapshot.plan().actions().stream().map(ActionView::planned).toList(),
                snapshot.plan().warnings(),
                snapshot.desired().problems().stream().map(SpecProblem::toString).toList());
    }
}
