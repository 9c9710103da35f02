package io.remoteappmanager.runtime;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The few engine operations the controller needs, so that the planner, executor and manager never
 * see an engine's own types and a second engine (Docker Swarm services) can be added beside Docker.
 *
 * <p>Every method is one engine API call unless it says otherwise. Failures are {@link RuntimeFault}s:
 * {@link EngineUnavailableException} when the engine cannot be reached (which never means "nothing
 * runs"), {@link NameConflictException} when another container already holds the name.
 */
public interface ContainerRuntime {

    /** Checks that the engine answers. */
    void ping();

    /** Lists containers (running or not) carrying every given label; one API call. */
    List<RuntimeContainer> list(Map<String, String> labels);

    /** The container with that id or name, or empty when the engine does not know it. */
    Optional<RuntimeContainer> inspect(String idOrName);

    /** Creates (does not start) a container and returns its id. */
    String create(ContainerRequest request);

    void start(String id);

    /** Stops with SIGTERM, then SIGKILL after the timeout; a stopped container is not an error. */
    void stop(String id, Duration timeout);

    /** Removes a container (forcing it if it still runs); an absent container is not an error. */
    void remove(String id);

    /** The image with that id or reference, or empty when absent locally. */
    Optional<ImageInfo> image(String idOrReference);

    /** Pulls an image from its registry, blocking until done. */
    void pull(String reference);

    /**
     * Streams lifecycle events of containers carrying every given label, until the returned handle is
     * closed; {@code onError} is called once when the stream breaks, so the caller can resubscribe.
     */
    Closeable events(Map<String, String> labels, Consumer<RuntimeEvent> onEvent, Consumer<Throwable> onError);
}
