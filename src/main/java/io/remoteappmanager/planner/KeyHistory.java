package io.remoteappmanager.planner;

import java.time.Instant;
import java.util.Optional;

/**
 * What the controller remembers about one app key between passes, so the planner can apply back-off and tell
 * its own containers from adopted ones: consecutive failures or crash restarts of one version of the app, the earliest
 * time of the next attempt, and the container it started last.
 *
 * @param attempts         consecutive failed actions or crash restarts (0 after a success that lasted)
 * @param notBefore        no action for this key before this instant
 * @param lastError        the last failure's message, if the last action failed
 * @param startedContainer the container this controller created, recreated or restarted last for the key: only
 *                         such a container is ever removed for not becoming ready
 * @param version          the version of the app the attempts were counted for; empty when unknown, then it counts
 *                         for any version
 */
public record KeyHistory(int attempts, Optional<Instant> notBefore, Optional<String> lastError,
        Optional<String> startedContainer, Optional<AppVersion> version) {

    public static final KeyHistory FRESH = new KeyHistory(0, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public boolean waiting(Instant now) {
        return notBefore.map(now::isBefore).orElse(false);
    }

    /** Whether this controller started {@code containerId} (rather than adopting it). */
    public boolean started(String containerId) {
        return startedContainer.filter(containerId::equals).isPresent();
    }

    /**
     * This history as it counts for {@code other}: itself when it was built for that version (or either version is
     * unknown), else a fresh one that still knows the container this controller started and names {@code other}, so a
     * new spec or image never waits out, nor adds to, the back-off its predecessor earned.
     */
    public KeyHistory of(Optional<AppVersion> other) {
        if (version.isEmpty() || other.isEmpty() || version.get().sameAs(other.get())) {
            return this;
        }
        return new KeyHistory(0, Optional.empty(), Optional.empty(), startedContainer, other);
    }
}
