package io.remoteappmanager.reconcile;

import io.remoteappmanager.executor.ActionOutcome;
import io.remoteappmanager.planner.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile pass did, and when the loop should look again without being asked (a back-off
 * ending, or an engine retry).
 *
 * @param plan        empty when the engine could not be listed (then nothing was done)
 * @param relist      true when another controller acted meanwhile: pass again at once to see its work
 */
public record PassResult(Optional<Plan> plan, List<ActionOutcome> outcomes, Optional<Instant> requeueAt,
        Optional<String> engineError, boolean relist) {

    public PassResult {
        outcomes = List.copyOf(outcomes);
    }

    static PassResult engineDown(String error, Instant retryAt) {
        return new PassResult(Optional.empty(), List.of(), Optional.of(retryAt), Optional.of(error), false);
    }
}
