package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds back actions while a key waits out its back-off (after a failed action, or a container that keeps exiting or
 * failing its liveness checks), and remembers the earliest instant a held key may act again so the pass can be
 * requeued for it. Its policy is {@link io.remoteappmanager.time.Backoff}'s; this is where the planner applies it.
 * One instance serves one planning pass.
 */
final class BackOffHold {

    private final Function<AppKey, KeyHistory> history;
    private final Instant now;
    private Instant requeueAt;

    BackOffHold(Function<AppKey, KeyHistory> history, Instant now) {
        this.history = history;
        this.now = now;
    }

    /**
     * The decision as it may run now: unchanged when it has no action or its key is not waiting; with
     * no action at all (Failed) when the key's last action failed; without its repair: the RESTART
     * (CrashLoopBackOff) when the key's container keeps exiting, the recreate (Unhealthy) when it keeps failing its
     * liveness checks. Back-off holds only the repair: a spec change (RECREATE) or a duplicate's removal goes ahead.
     * The back-off is that of the decision's version: a new spec or image starts at zero, whatever its predecessor
     * earned. Only a key with actions reads history.
     */
    Decision apply(Decision decision) {
        if (decision.actions().isEmpty()) {
            return decision;
        }
        KeyHistory past = Objects.requireNonNullElse(history.apply(decision.key()), KeyHistory.FRESH)
                .of(decision.version());
        if (!past.waiting(now)) {
            return decision;
        }
        if (past.lastError().isPresent()) {
            return hold(decision, Phase.Failed, List.of(), Reasons.failed(past, now), past);
        }
        List<Action> withoutRepair = decision.actions().stream()
                .filter(a -> !a.repairs())
                .toList();
        if (withoutRepair.size() == decision.actions().size()) {
            return decision;
        }
        ObservedContainer failing = decision.container().orElseThrow();
        if (decision.phase() == Phase.Unhealthy) {
            return hold(decision, Phase.Unhealthy, withoutRepair, Reasons.unhealthyAgain(failing, past, now), past);
        }
        return hold(decision, Phase.CrashLoopBackOff, withoutRepair, Reasons.crashLoop(failing, past, now), past);
    }

    /** The earliest instant a held key may act again, if any key was held. */
    Optional<Instant> requeueAt() {
        return Optional.ofNullable(requeueAt);
    }

    private Decision hold(Decision decision, Phase phase, List<Action> actions, String message, KeyHistory past) {
        Instant notBefore = past.notBefore().orElseThrow();
        if (requeueAt == null || notBefore.isBefore(requeueAt)) {
            requeueAt = notBefore;
        }
        return decision.holding(phase, actions, message);
    }
}
