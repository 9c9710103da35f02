package io.remoteappmanager.runtime;

import java.util.Map;

/** One container lifecycle event (die, oom, destroy, stop, start...) with the container's labels. */
public record RuntimeEvent(String action, String containerId, Map<String, String> labels) {
    public RuntimeEvent {
        labels = Map.copyOf(labels);
    }
}
