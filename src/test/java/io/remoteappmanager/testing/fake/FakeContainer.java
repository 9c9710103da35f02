package io.remoteappmanager.testing.fake;

import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.VolumeMount;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One container of a {@link FakeDaemon}, changed only under the daemon's lock: what the engine would keep of it
 * (name, image, labels, binds, network) and its life (state, exit code, published port, how often it was started).
 */
final class FakeContainer {

    final String id;
    final String name;
    final FakeImage image;
    final Map<String, String> labels;
    final List<VolumeMount> mounts;
    final Optional<String> network;
    final String hostIp;
    final Instant created;
    ContainerState state = ContainerState.CREATED;
    int exitCode;
    /** The host port published while it runs; 0 when it does not. */
    int port;
    int starts;

    FakeContainer(String name, FakeImage image, Map<String, String> labels, List<VolumeMount> mounts,
            Optional<String> network, String hostIp, Instant created) {
        this.id = FakeIds.hex64();
        this.name = name;
        this.image = image;
        this.labels = Map.copyOf(labels);
        this.mounts = List.copyOf(mounts);
        this.network = network;
        this.hostIp = hostIp;
        this.created = created;
    }

    boolean carries(Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /**
     * The container as the engine reports it: an inspect, or a listing, which dates it to the second and says its
     * state in words ({@code Up}, {@code Exited (137)}), as the real listing does.
     */
    RuntimeContainer read(Instant observedAt, boolean listing) {
        boolean up = state.isUp();
        Optional<Endpoint> endpoint = up && port > 0 ? Optional.of(new Endpoint(hostIp, port)) : Optional.empty();
        OptionalInt exit = state.hasExited() ? OptionalInt.of(exitCode) : OptionalInt.empty();
        Optional<String> detail = listing ? Optional.of(statusText()) : Optional.empty();
        return new RuntimeContainer(id, name, image.reference(), image.id(), labels, state,
                listing ? created.truncatedTo(ChronoUnit.SECONDS) : created, endpoint, mounts, exit, Optional.empty(),
                detail, 0, HealthStatus.NONE, image.digest(), observedAt);
    }

    private String statusText() {
        return switch (state) {
            case RUNNING -> "Up";
            case EXITED, DEAD -> "Exited (" + exitCode + ")";
            default -> "Created";
        };
    }
}
