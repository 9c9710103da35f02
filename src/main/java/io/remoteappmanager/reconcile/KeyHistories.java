package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.AppVersion;
import io.remoteappmanager.planner.KeyHistory;
import io.remoteappmanager.time.Backoff;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the controller remembers of each key between passes, for the planner: per-key back-off (one policy for
 * failed actions, crash restarts and starts that never became ready), and the container it started last, so that
 * it never removes an adopted container for readiness. One misbehaving app is retried ever more slowly and never
 * blocks the others. The back-off belongs to one version of the app (its spec and image): an attempt at another
 * version starts it again at zero, as a new pod's restart count does.
 */
final class KeyHistories {

    private final Backoff backoff;
    private final Map<AppKey, KeyHistory> histories = new ConcurrentHashMap<>();

    KeyHistories(Backoff backoff) {
        this.backoff = backoff;
    }

    /** What the planner should know of {@code key}; {@link KeyHistory#FRESH} when nothing went wrong. */
    KeyHistory history(AppKey key) {
        return histories.getOrDefault(key, KeyHistory.FRESH);
    }

    /** Records a failure of an attempt at {@code version} and returns when the key may be tried again. */
    Instant failed(AppKey key, Optional<AppVersion> version, String error, Instant now) {
        return histories.compute(key, (k, h) -> next(past(h, version), Optional.of(error), now)).notBefore()
                .orElseThrow();
    }

    /** Records a crash restart of {@code containerId}, which runs {@code version}: the next one must wait longer. */
    void restarted(AppKey key, Optional<AppVersion> version, String containerId, Instant now) {
        histories.compute(key, (k, h) -> {
            KeyHistory next = next(past(h, version), Optional.empty(), now);
            return new KeyHistory(next.attempts(), next.notBefore(), next.lastError(), Optional.of(containerId),
                    next.version());
        });
    }

    /**
     * Records a success at {@code version}: clears the key's error and remembers the container it started, if any,
     * but keeps the version's attempt count until the key has run well for a while ({@link #settled}): an app that
     * starts and then fails again (never ready, crashes) backs off ever longer instead of starting over at the first
     * delay. A success at another version (a spec change, an image update) starts the count over.
     */
    void succeeded(AppKey key, Optional<AppVersion> version, Optional<String> startedContainer) {
        histories.compute(key, (k, h) -> {
            KeyHistory past = past(h, version);
            return new KeyHistory(past.attempts(), past.notBefore(), Optional.empty(),
                    startedContainer.or(past::startedContainer), past.version());
        });
    }

    /**
     * Records that the key's container is being stopped for idleness: it is no longer one this controller started, so
     * while it stays stopped it is asleep rather than crashed.
     */
    void stoppingIdle(AppKey key) {
        histories.computeIfPresent(key, (k, h) -> new KeyHistory(h.attempts(), h.notBefore(), h.lastError(),
                Optional.empty(), h.version()));
    }

    /** Forgets the back-off of a key that has run well for longer than the longest back-off since its last start. */
    void settled(AppKey key, Instant now) {
        histories.computeIfPresent(key, (k, h) -> h.notBefore().map(t -> now.isAfter(t.plus(backoff.max()))).orElse(true)
                ? new KeyHistory(0, Optional.empty(), Optional.empty(), h.startedContainer(), h.version()) : h);
    }

    /** Drops keys that are no longer planned. */
    void retainOnly(Set<AppKey> keys) {
        histories.keySet().retainAll(keys);
    }

    /** The key's history as it counts for an attempt at {@code version}, naming the version attempted when known. */
    private static KeyHistory past(KeyHistory previous, Optional<AppVersion> version) {
        KeyHistory past = (previous == null ? KeyHistory.FRESH : previous).of(version);
        return new KeyHistory(past.attempts(), past.notBefore(), past.lastError(), past.startedContainer(),
                version.or(past::version));
    }

    private KeyHistory next(KeyHistory past, Optional<String> error, Instant now) {
        int attempts = past.attempts() + 1;
        return new KeyHistory(attempts, Optional.of(now.plus(backoff.delay(attempts))), error, past.startedContainer(),
                past.version());
    }
}
