package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.ActionOutcome;
import io.remoteappmanager.planner.AppVersion;
import java.util.List;
import java.util.Optional;

/**
 * What one attempt at a key came to, so that the work loop can settle every outcome in one place (history, back-off,
 * requeue, status), as controller-runtime's {@code Result} and java-operator-sdk's {@code UpdateControl} do: the
 * reconciler only decides and acts.
 *
 * @param outcomes how each action carried out ended, in order (none when nothing was done)
 * @param error    why the attempt failed: a failed action's error, or the reason of an action that counts as the
 *                 key's failure although it went through (the removal of a start that never became ready)
 * @param version  the version of the app the attempt served, which its failure or restart counts for (empty when
 *                 nothing was decided)
 */
record KeyResult(AppKey key, Kind kind, List<ActionOutcome> outcomes, Optional<String> error,
        Optional<AppVersion> version) {

    /** The ways an attempt ends. */
    enum Kind {
        /** The key needed nothing (any more): another attempt or the engine got there first. */
        NOTHING_TO_DO,
        /** The observed state could not be trusted, so nothing was decided; the pass after it is trusted looks again. */
        ENGINE_UNTRUSTED,
        /** The key would take a running app out of service and the disruption budget is spent; a later pass admits it. */
        WAITING_FOR_BUDGET,
        /** Every action went through. */
        ACTED,
        /** An action failed (or counts as the key's failure): retried after the key's back-off. */
        FAILED
    }

    public KeyResult {
        outcomes = List.copyOf(outcomes);
    }

    static KeyResult nothingToDo(AppKey key) {
        return new KeyResult(key, Kind.NOTHING_TO_DO, List.of(), Optional.empty(), Optional.empty());
    }

    static KeyResult engineUntrusted(AppKey key) {
        return new KeyResult(key, Kind.ENGINE_UNTRUSTED, List.of(), Optional.empty(), Optional.empty());
    }

    static KeyResult waitingForBudget(AppKey key) {
        return new KeyResult(key, Kind.WAITING_FOR_BUDGET, List.of(), Optional.empty(), Optional.empty());
    }

    /** An attempt that threw instead of ending in an outcome: a failure like any other, so it backs off. */
    static KeyResult crashed(AppKey key, String error) {
        return new KeyResult(key, Kind.FAILED, List.of(), Optional.of(error), Optional.empty());
    }

    /**
     * The attempt that carried out {@code outcomes} for {@code version}: failed if one failed or counts as the key's
     * failure.
     */
    static KeyResult acted(AppKey key, Optional<AppVersion> version, List<ActionOutcome> outcomes) {
        Optional<String> error = outcomes.stream()
                .map(o -> o.error().or(() -> Optional.of(o.action().reason()).filter(r -> o.action().failedStart())))
                .flatMap(Optional::stream)
                .findFirst();
        return new KeyResult(key, error.isPresent() ? Kind.FAILED : Kind.ACTED, outcomes, error, version);
    }

    /** Whether the attempt changed anything, or tried to: then its key's status has news for the next pass. */
    boolean newsForStatus() {
        return kind != Kind.NOTHING_TO_DO && kind != Kind.ENGINE_UNTRUSTED;
    }
}
