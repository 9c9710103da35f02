package io.remoteappmanager.runtime;

import java.util.Map;

/**
 * One lifecycle event of an app's container (create, start, die, destroy, ...), with the labels it carries and
 * the engine's time of it, so a cache can tell whether what it last read of the container is already newer.
 *
 * @param timeNanos the engine's clock at the event, in nanoseconds since the epoch
 */
public record RuntimeEvent(String action, String id, Map<String, String> labels, long timeNanos) {

    public RuntimeEvent {
        labels = Map.copyOf(labels);
    }

    /** The container is gone: nothing is left to read. */
    public boolean isDestroy() {
        return action.equals("destroy");
    }
}
