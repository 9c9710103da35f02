package io.remoteappmanager.executor;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.KeyHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key exponential back-off (kubelet's CrashLoopBackOff: initial delay doubling to a ceiling), shared by
 * failed actions and crash restarts, so one misbehaving app is retried ever more slowly and never blocks others.
 */
@ApplicationScoped
public class Backoffs {

    private final Duration initial;
    private final Duration max;
    private final Map<AppKey, KeyHistory> histories = new ConcurrentHashMap<>();

    @Inject
    public Backoffs(RamConfig config) {
        this(config.reconcile().initialBackoff(), config.reconcile().maxBackoff());
    }

    Backoffs(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** What the planner should know of {@code key}; {@link KeyHistory#FRESH} when nothing went wrong. */
    public KeyHistory history(AppKey key) {
        return histories.getOrDefault(key, KeyHistory.FRESH);
    }

    /** Records a failed action and returns when the key may be tried again. */
    public Instant failed(AppKey key, String error, Instant now) {
        return histories.compute(key, (k, h) -> next(h, Optional.of(error), now)).notBefore().orElseThrow();
    }

    /** Records a crash restart: the next one must wait longer. */
    public void restarted(AppKey key, Instant now) {
        histories.compute(key, (k, h) -> next(h, Optional.empty(), now));
    }

    /**
     * Clears a key's error after a successful action, but keeps its attempt count until the key has run
     * well for a while ({@link #settled}): an app that starts and then fails again (never ready, crashes)
     * backs off ever longer instead of starting over at the first delay.
     */
    public void succeeded(AppKey key) {
        histories.computeIfPresent(key, (k, h) -> new KeyHistory(h.attempts(), h.notBefore(), Optional.empty()));
    }

    /** Clears a key that has run well for longer than the longest back-off since its last restart. */
    public void settled(AppKey key, Instant now) {
        histories.computeIfPresent(key, (k, h) ->
                h.notBefore().map(t -> now.isAfter(t.plus(max))).orElse(true) ? null : h);
    }

    /** Drops keys that are no longer planned. */
    public void retainOnly(Collection<AppKey> keys) {
        histories.keySet().retainAll(keys);
    }

    private KeyHistory next(KeyHistory previous, Optional<String> error, Instant now) {
        int attempts = (previous == null ? 0 : previous.attempts()) + 1;
        return new KeyHistory(attempts, Optional.of(now.plus(delay(attempts))), error);
    }

    /** {@code initial × 2^(attempts-1)}, capped at the maximum. */
    Duration delay(int attempts) {
        Duration d = initial;
        for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
