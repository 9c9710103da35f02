package io.remoteappmanager.planner;

import java.time.Instant;
import java.util.Optional;

/**
 * What the executor remembers about one app key between passes, so the planner can apply back-off:
 * consecutive failures or crash restarts, and the earliest time the next attempt may be made.
 *
 * @param attempts    consecutive failed actions or crash restarts (0 after a success that lasted)
 * @param notBefore   no action for this key before this instant
 * @param lastError   the last failure's message, if the last action failed
 */
public record KeyHistory(int attempts, Optional<Instant> notBefore, Optional<String> lastError) {

    public static final KeyHistory FRESH = new KeyHistory(0, Optional.empty(), Optional.empty());

    public boolean waiting(Instant now) {
        return notBefore.map(now::isBefore).orElse(false);
    }
}
