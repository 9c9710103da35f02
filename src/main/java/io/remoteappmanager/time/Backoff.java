package io.remoteappmanager.time;

import java.time.Duration;

/**
 * The one exponential back-off policy (kubelet's CrashLoopBackOff shape): the first retry after {@code initial},
 * each further one twice as late, never later than {@code max}. Pure: callers count their own attempts.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, not " + initial + ", " + max);
        }
    }

    /** The delay before attempt number {@code attempts + 1}, after {@code attempts} (at least 1) failures in a row. */
    public Duration delay(int attempts) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
