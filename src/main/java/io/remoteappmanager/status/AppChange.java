package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import java.time.Instant;
import java.util.Optional;

/**
 * One app's status changing in anything but the time a pass renewed it, as the projection decided: what the event
 * stream sends, what notifications and the URL log read, so that no reader compares snapshots of its own.
 *
 * @param before     its status before, empty when it appeared
 * @param now        its status now, empty when it is gone (no spec names it and its container is removed)
 * @param transition the phase change this change made, if it made one
 * @param at         when the projection made the change
 */
public record AppChange(AppKey key, Optional<AppStatus> before, Optional<AppStatus> now,
        Optional<Transition> transition, Instant at) {

    /** Whether the app is gone. */
    public boolean removed() {
        return now.isEmpty();
    }
}
