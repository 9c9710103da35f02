package io.remoteappmanager.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that reads the wall clock once and then only moves with {@link System#nanoTime()}: back-offs, deadlines
 * and health checks measured with it are not shortened or stretched when the wall clock steps (NTP, an operator).
 * Its instants match the wall clock at start and drift from it only by the steps taken since.
 */
public final class MonotonicClock extends Clock {

    private static final MonotonicClock SYSTEM = new MonotonicClock();

    private final Instant origin = Instant.now();
    private final long originNanos = System.nanoTime();

    private MonotonicClock() {}

    /** The process-wide instance. */
    public static MonotonicClock system() {
        return SYSTEM;
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(System.nanoTime() - originNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
