package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.KeyHistory;
import io.remoteappmanager.time.Backoff;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the controller remembers of each key between passes, for the planner: per-key back-off (one policy for
 * failed actions, crash restarts and starts that never became ready), and the container it started last, so that
 * it never removes an adopted container for readiness. One misbehaving app is retried ever more slowly and never
 * blocks the others.
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

    /** Records a failure and returns when the key may be tried again. */
    Instant failed(AppKey key, String error, Instant now) {
        return histories.compute(key, (k, h) -> next(h, Optional.of(error), now)).notBefore().orElseThrow();
    }

    /** Records a crash restart of {@code containerId}: the next one must wait longer. */
    void restarted(AppKey key, String containerId, Instant now) {
        histories.compute(key, (k, h) -> withStarted(next(h, Optional.empty(), now), containerId));
    }

    /**
     * Records a success: clears the key's error and remembers the container it started, if any, but keeps its
     * attempt count until the key has run well for a while ({@link #settled}): an app that starts and then fails
     * again (never ready, crashes) backs off ever longer instead of starting over at the first delay.
     */
    void succeeded(AppKey key, Optional<String> startedContainer) {
        histories.compute(key, (k, h) -> {
            KeyHistory past = h == null ? KeyHistory.FRESH : h;
            return new KeyHistory(past.attempts(), past.notBefore(), Optional.empty(),
                    startedContainer.or(past::startedContainer));
        });
    }

    /**
     * Records that the key's container is being stopped for idleness: it is no longer one this controller started, so
     * while it stays stopped it is asleep rather than crashed.
     */
    void stoppingIdle(AppKey key) {
        histories.computeIfPresent(key, (k, h) -> new KeyHistory(h.attempts(), h.notBefore(), h.lastError(),
                Optional.empty()));
    }

    /** Forgets the back-off of a key that has run well for longer than the longest back-off since its last start. */
    void settled(AppKey key, Instant now) {
        histories.computeIfPresent(key, (k, h) -> h.notBefore().map(t -> now.isAfter(t.plus(backoff.max()))).orElse(true)
                ? new KeyHistory(0, Optional.empty(), Optional.empty(), h.startedContainer()) : h);
    }

    /** Drops keys that are no longer planned; {@code keys} is looked up once per history, so as a set. */
    void retainOnly(Collection<AppKey> keys) {
        histories.keySet().retainAll(keys instanceof Set<?> ? keys : new HashSet<>(keys));
    }

    private KeyHistory next(KeyHistory previous, Optional<String> error, Instant now) {
        KeyHistory past = previous == null ? KeyHistory.FRESH : previous;
        int attempts = past.attempts() + 1;
        return new KeyHistory(attempts, Optional.of(now.plus(backoff.delay(attempts))), error, past.startedContainer());
    }

    private static KeyHistory withStarted(KeyHistory history, String containerId) {
        return new KeyHistory(history.attempts(), history.notBefore(), history.lastError(), Optional.of(containerId));
    }
}
