package io.remoteappmanager.runtime;

import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.VolumeMount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the engine reports of one app's container (for a swarm: of its service and current task), in
 * engine-neutral terms: identity, labels, state, where it is served, and its host binds.
 *
 * @param endpoint where its published container port is reached (host IP or node address, and host port)
 * @param mounts   the host directories bound into it, as given at create (a Docker engine resolves them again at
 *                 every start)
 * @param exitCode the code its process last exited with, when it has exited
 * @param node     the node it runs on (a swarm), or empty on a single engine
 * @param detail   the engine's own words on its state when they say more than the state (a swarm's
 *                 "no suitable node", a health status), or empty
 * @param restarts how often the engine itself started it again lately, after its process ended (a swarm's tasks of
 *                 the last minutes that ended and were replaced under its restart policy); 0 on a single engine,
 *                 where the controller does the restarting
 * @param health   what the image's own health check (HEALTHCHECK) says of it
 * @param imageDigest the registry digest ({@code sha256:...}) of the image it runs, when the engine knows one (an
 *                 image built locally and never pushed or pulled has none)
 * @param observedAt when the read that produced this was sent (wall clock): a cache keeps the newest read
 */
public record RuntimeContainer(
        String id,
        String name,
        String image,
        String imageId,
        Map<String, String> labels,
        ContainerState state,
        Instant created,
        Optional<Endpoint> endpoint,
        List<VolumeMount> mounts,
        OptionalInt exitCode,
        Optional<String> node,
        Optional<String> detail,
        int restarts,
        HealthStatus health,
        Optional<String> imageDigest,
        Instant observedAt) {

    public RuntimeContainer {
        labels = Map.copyOf(labels);
        mounts = List.copyOf(mounts);
    }

    /**
     * A container just created and started from {@code request}, as far as its launcher knows without reading it back:
     * running, at no address yet (the engine picks the host port at the start, and the read that the start's event
     * triggers brings it), and stamped when the start was sent, so that the event's read replaces it.
     */
    public static RuntimeContainer started(String id, ContainerRequest request, Instant startSent) {
        return new RuntimeContainer(id, request.name(), request.image(), "", request.labels(), ContainerState.RUNNING,
                startSent, Optional.empty(), request.volumes(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                0, HealthStatus.NONE, Optional.empty(), startSent);
    }

    public boolean isRunning() {
        return state.isUp();
    }
}
