package io.remoteappmanager.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether what the cache holds can be trusted: the engine answers, and the realm has been listed since the event
 * stream last (re)connected. Only then may a pass act, and only then is the controller ready.
 *
 * @param error why it cannot be trusted, when it cannot
 * @param since when this state began
 */
public record EngineState(boolean reachable, boolean synced, Optional<String> error, Instant since) {

    public static EngineState starting(Instant now) {
        return new EngineState(false, false, Optional.of("the engine has not been listed yet"), now);
    }

    /** Passes may act on the cache. */
    public boolean trusted() {
        return reachable && synced;
    }
}
