package io.remoteappmanager.reconcile;

import io.remoteappmanager.actuator.ActionOutcome;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The work one pass queued, so that whoever asked for the pass (the API, a test) hears how its actions ended: the
 * result completes once a worker has finished every key the pass queued.
 */
final class PassWork {

    private final Plan plan;
    private final Set<AppKey> pending;
    private final List<ActionOutcome> outcomes = new ArrayList<>();
    private final CompletableFuture<PassResult> result = new CompletableFuture<>();

    PassWork(Plan plan, List<AppKey> queued) {
        this.plan = plan;
        this.pending = new HashSet<>(queued);
        completeIfDone();
    }

    CompletableFuture<PassResult> result() {
        return result;
    }

    /** A worker is done with {@code key}; its actions ended as {@code keyOutcomes}. */
    synchronized void finished(AppKey key, List<ActionOutcome> keyOutcomes) {
        if (pending.remove(key)) {
            outcomes.addAll(keyOutcomes);
            completeIfDone();
        }
    }

    private void completeIfDone() {
        if (pending.isEmpty()) {
            result.complete(new PassResult(Optional.of(plan), outcomes, Optional.empty()));
        }
    }
}
