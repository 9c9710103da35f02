package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests to wake idle apps, by key, with the time of the latest: input to the planner, which starts an idle app
 * asked for within its idle timeout. The wake page is its one writer; nothing here ever expires or is consumed, so
 * reading it again (a worker deciding a key anew, the plan preview) always gives the same answer.
 */
public final class WakeRequests {

    private final Clock clock;
    private final Map<AppKey, Instant> latest = new ConcurrentHashMap<>();

    public WakeRequests(Clock clock) {
        this.clock = clock;
    }

    /** Someone asked for the idle app {@code key}, now. */
    public void request(AppKey key) {
        latest.put(key, clock.instant());
    }

    /** When {@code key} was last asked for, if ever. */
    public Optional<Instant> latest(AppKey key) {
        return Optional.ofNullable(latest.get(key));
    }
}
