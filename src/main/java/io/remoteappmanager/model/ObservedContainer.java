package io.remoteappmanager.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One app container of this realm as the planner and the status see it: its app key and the labels that matter,
 * read once when the container was observed, and where it is served.
 *
 * @param urlpath    the {@code urlpath} label, so an app kept without its spec can still be routed
 * @param sourceFile the spec file named by the {@code source} label, or empty
 * @param revision   the {@code revision} label: the source version the container was made from, if any
 * @param endpoint   where its web server is reached, once it runs and is published
 * @param mounts     its host binds, checked against the volume policy again before every start
 * @param exitCode   the code it last exited with, when it has exited
 * @param node       the node it runs on (a swarm), or empty
 * @param network    the network it was placed on (the {@code network} label), or empty for one placed before networks
 * @param detail     the engine's own words on its state, when they say more than the state
 * @param restarts   how often the engine itself started it again lately after it ended (a swarm's restart policy)
 * @param health     what the image's own health check says of it
 * @param imageDigest the registry digest of the image it runs ({@code sha256:...}), when the engine knows it
 * @param imageId    the id of the image it runs, which keys the image's metadata; empty when the engine gave none
 */
public record ObservedContainer(
        String id,
        String name,
        AppKey key,
        ContainerState state,
        String image,
        String specHash,
        String urlId,
        Optional<String> urlpath,
        Optional<String> sourceFile,
        Optional<String> revision,
        Instant created,
        Optional<Endpoint> endpoint,
        List<VolumeMount> mounts,
        OptionalInt exitCode,
        Optional<String> node,
        Optional<String> network,
        Optional<String> detail,
        int restarts,
        HealthStatus health,
        Optional<String> imageDigest,
        String imageId) {

    public ObservedContainer {
        mounts = List.copyOf(mounts);
    }

    public boolean isRunning() {
        return state.isUp();
    }
}
