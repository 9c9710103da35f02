package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.planner.Plan;
import java.util.List;

/** What a pass would do now, with what it read: shown by {@code plan} and the API, never acted on. */
public record Preview(DesiredState desired, List<ObservedContainer> observed, Plan plan) {

    public Preview {
        observed = List.copyOf(observed);
    }
}
