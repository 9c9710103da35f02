package io.remoteappmanager.reconcile;

import java.time.Duration;
import java.time.Instant;

/** Back-off for an unreachable engine: 1 s doubling to 30 s, reset when a listing works again. */
final class EngineRetry {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(30);

    private int failures;

    synchronized Instant failed(Instant now) {
        failures++;
        Duration delay = FIRST.multipliedBy(1L << Math.min(failures - 1, 5));
        return now.plus(delay.compareTo(MAX) > 0 ? MAX : delay);
    }

    synchronized void succeeded() {
        failures = 0;
    }
}
