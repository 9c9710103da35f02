package io.remoteappmanager.reconcile;

import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.planner.Plan;
import java.util.List;
import java.util.Optional;

/**
 * What one requested pass found and set in motion: its plan, and how each action it queued ended once the workers
 * were done with its keys.
 *
 * @param plan        empty when the observed state could not be trusted (then nothing was done)
 * @param engineError why the observed state could not be trusted, when it could not
 */
public record PassResult(Optional<Plan> plan, List<ActionOutcome> outcomes, Optional<String> engineError) {

    public PassResult {
        outcomes = List.copyOf(outcomes);
    }

    static PassResult engineDown(String error) {
        return new PassResult(Optional.empty(), List.of(), Optional.of(error));
    }
}
