package io.remoteappmanager.testing.fake;

import java.util.Locale;

/**
 * One call to the engine's API, as the Docker runtime counts them in {@code ram.docker.api.calls{operation}}: a
 * launch is a create, a start and an inspect, so the fake's counts, pace and faults apply where the real engine's
 * would.
 */
public enum EngineCall {
    PING, LIST, INSPECT, CREATE, START, STOP, REMOVE, PULL, IMAGE, DISTRIBUTION, EVENTS;

    /** The operation's name as the runtime's metric names it. */
    public String operation() {
        return name().toLowerCase(Locale.ROOT);
    }
}
