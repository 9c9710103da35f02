package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.SpecProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The idle-culling rules of one planning pass. An app runs while it is used: its last use is the later of the last
 * request its route carried (as the proxy reports it) and its last wake request. A running, ready app unused for its
 * idle timeout is stopped, on the proxy's evidence only (a route the proxy did not list as quiet counts as used); a
 * stopped app that this controller did not start since is asleep, and starts again when a wake request arrived
 * within its idle timeout. So a stop implies that no wake request is that recent, and a stopped app never wakes by
 * itself.
 */
final class IdleRules {

    private final Idling idling;
    private final Instant now;

    IdleRules(Idling idling, Instant now) {
        this.idling = idling;
        this.now = now;
    }

    /** The idle timeout in force for {@code spec}, if it is culled at all. */
    Optional<Duration> timeout(AppSpec spec) {
        return idling.timeout(spec);
    }

    /** The stop of {@code kept} (running, ready, with the desired config) when nobody used it for its idle timeout. */
    Optional<Action> cull(AppSpec spec, ObservedContainer kept) {
        Optional<Duration> timeout = idling.timeout(spec);
        if (timeout.isEmpty() || kept.endpoint().isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> routed = idling.activity().lastActivity(spec.urlpath(kept.urlId()), kept.endpoint().get());
        if (routed.isEmpty()) {
            return Optional.empty();
        }
        Instant lastUse = idling.wakes().apply(spec.key()).filter(routed.get()::isBefore).orElse(routed.get());
        if (lastUse.isAfter(idling.activity().checkedAt().minus(timeout.get()))) {
            return Optional.empty();
        }
        return Optional.of(Action.stop(spec.key(), kept, Reasons.culled(lastUse, timeout.get())));
    }

    /**
     * An asleep app's stopped container: left stopped (Idle) until a wake request within its idle timeout, then
     * started, or recreated when its spec changed meanwhile. An app whose spec file is broken is never woken.
     */
    KeyRules.Outcome asleep(AppSpec spec, String hash, ObservedContainer kept, Duration timeout,
            Optional<SpecProblem> broken) {
        if (broken.isPresent()) {
            return new KeyRules.Outcome(Phase.Invalid, null, Reasons.idleBroken(broken.get()));
        }
        boolean drifted = !hash.equals(kept.specHash());
        Optional<Instant> woken = wokenAt(spec.key(), timeout);
        if (woken.isEmpty()) {
            return new KeyRules.Outcome(Phase.Idle, null, Reasons.idle(kept, drifted));
        }
        if (drifted) {
            String reason = Reasons.woken(woken.get()) + "; " + Reasons.recreated(kept.specHash(), hash);
            return KeyRules.Outcome.of(Phase.Recreating,
                    Action.recreate(spec, kept, spec.urlId().orElse(kept.urlId()), reason));
        }
        return KeyRules.Outcome.of(Phase.Restarting, Action.start(spec.key(), kept, Reasons.woken(woken.get())));
    }

    private Optional<Instant> wokenAt(AppKey key, Duration timeout) {
        return idling.wakes().apply(key).filter(at -> at.isAfter(now.minus(timeout)));
    }
}
