package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.ActionOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of attempts finished since the last pass, kept until that pass puts them into status: status is
 * the output of passes alone, and this is how a finished attempt's last action reaches it.
 */
final class LastActions {

    private Map<AppKey, List<ActionOutcome>> since = new HashMap<>();

    /** An attempt at {@code key} carried out {@code outcomes}; they replace any not shown yet. */
    synchronized void record(AppKey key, List<ActionOutcome> outcomes) {
        since.put(key, outcomes);
    }

    /** The outcomes recorded since the last call, by key; each is handed out once. */
    synchronized Map<AppKey, List<ActionOutcome>> drain() {
        Map<AppKey, List<ActionOutcome>> drained = since;
        since = new HashMap<>();
        return drained;
    }
}
