package io.remoteappmanager.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine reports of one container: its identity, labels, state, published port and host binds.
 *
 * @param mounts the host directories bound into it, as given at create (the engine resolves them again at every start)
 */
public record RuntimeContainer(
        String id,
        String name,
        String image,
        String imageId,
        Map<String, String> labels,
        State state,
        Instant created,
        Optional<PublishedPort> port,
        List<ContainerRequest.VolumeMount> mounts) {

    public RuntimeContainer {
        mounts = List.copyOf(mounts);
    }

    /** Lifecycle states as the engine names them, folded to what the planner distinguishes. */
    public enum State {
        CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

        public static State of(String engineState) {
            if (engineState == null) {
                return UNKNOWN;
            }
            try {
                return valueOf(engineState.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return UNKNOWN;
            }
        }

        /** Whether the container's process is up (paused and restarting count: they need no start). */
        public boolean isUp() {
            return this == RUNNING || this == PAUSED || this == RESTARTING;
        }
    }

    /** A container port published on a host address. */
    public record PublishedPort(String hostIp, int hostPort, int containerPort) {}

    public boolean isRunning() {
        return state.isUp();
    }
}
