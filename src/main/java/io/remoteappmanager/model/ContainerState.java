package io.remoteappmanager.model;

import java.util.Locale;

/** An app container's lifecycle state as engines name it, folded to what the planner distinguishes. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

    /** The state an engine names ({@code running}, {@code exited}, ...); anything else is UNKNOWN. */
    public static ContainerState of(String engineState) {
        if (engineState == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(engineState.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Whether the container's process is up (paused and restarting count: they need no start). */
    public boolean isUp() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }

    /** Whether it has ended and could be started again or removed. */
    public boolean hasExited() {
        return this == EXITED || this == DEAD;
    }
}
