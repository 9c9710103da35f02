package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.Decision;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Counts, on a standby, the repairs the leader makes as if this controller made them, so that its back-off, and with
 * it the phase it projects (CrashLoopBackOff rather than Restarting), follows the leader's: a standby that takes the
 * lead then carries on the episode the leader told instead of beginning, and telling, a new one. A crash restart is
 * counted from the engine's events (every restart of the key's container since the last pass, however few passes ran
 * in between); the recreate of an unhealthy container when a pass plans it. While this controller leads it counts
 * nothing (its workers do) but keeps what it has seen, so it never counts its own restarts again when it stands by.
 * One thread (the pass) uses it.
 */
final class LeaderRepairs {

    /** The key's container at the last pass: its restarts seen then, and whether it was asleep (a wake is no repair). */
    private record Seen(String containerId, int restarts, boolean asleep) {}

    private final KeyHistories histories;
    /** Only keys whose container has restarted or sleeps: a key missing here had no restart seen. */
    private final Map<AppKey, Seen> seen = new HashMap<>();

    LeaderRepairs(KeyHistories histories) {
        this.histories = histories;
    }

    /** Reads one decision of a pass at {@code now}; {@code restarts} are the cache's counts of that pass. */
    void watch(Decision decision, Map<String, Integer> restarts, boolean leading, Instant now) {
        AppKey key = decision.key();
        if (decision.container().isEmpty()) {
            seen.remove(key);
            return;
        }
        ObservedContainer container = decision.container().get();
        int count = restarts.getOrDefault(container.id(), 0);
        boolean asleep = decision.phase() == Phase.Idle;
        Seen before = count > 0 || asleep ? seen.put(key, new Seen(container.id(), count, asleep)) : seen.remove(key);
        if (leading) {
            return;
        }
        boolean sameContainer = before != null && before.containerId().equals(container.id());
        int counted = sameContainer ? before.restarts() : 0;
        if (!(sameContainer && before.asleep())) {
            for (int i = counted; i < count; i++) {
                histories.restarted(key, decision.version(), container.id(), now);
            }
        }
        if (decision.actions().stream().anyMatch(a -> a.repairs() && a.kind() == Action.Kind.RECREATE)) {
            histories.restarted(key, decision.version(), container.id(), now);
        }
    }

    /** Drops keys that are no longer planned. */
    void retainOnly(Set<AppKey> keys) {
        seen.keySet().retainAll(keys);
    }
}
