package io.remoteappmanager.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * One lifecycle event of an app's container (create, start, die, destroy, ...), with the labels it carries and
 * the engine's time of it, so a cache can tell whether what it last read of the container is already newer.
 *
 * @param timeNanos the engine's clock at the event, in nanoseconds since the epoch
 * @param read      the container as the watch read it in the same call that found the change, when it did (a
 *                  swarm's task poll lists the tasks anyway): the cache keeps that instead of inspecting it again
 */
public record RuntimeEvent(String action, String id, Map<String, String> labels, long timeNanos,
        Optional<RuntimeContainer> read) {

    public RuntimeEvent {
        labels = Map.copyOf(labels);
    }

    /** An event that carries no read: whoever needs the container's state reads it. */
    public RuntimeEvent(String action, String id, Map<String, String> labels, long timeNanos) {
        this(action, id, labels, timeNanos, Optional.empty());
    }

    /** The container is gone: nothing is left to read. */
    public boolean isDestroy() {
        return action.equals("destroy");
    }
}
