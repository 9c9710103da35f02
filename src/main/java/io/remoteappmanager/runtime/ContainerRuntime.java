package io.remoteappmanager.runtime;

import io.remoteappmanager.leader.Lease;
import io.remoteappmanager.model.LabelScheme;
import java.io.Closeable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine boundary: the app-level operations the controller needs, in engine-neutral terms, so that the planner,
 * the actuator and the observed-state cache never see an engine's own types, and one Docker engine or a Docker Swarm
 * can stand behind it.
 *
 * <p>Every operation ends within a deadline ({@code ram.docker.call-timeout} per engine call, a pull
 * {@code ram.docker.pull-timeout}): past it, it fails with {@link EngineTimeoutException} naming the call, and the
 * call is abandoned. Failures are {@link RuntimeFault}s: {@link EngineUnavailableException} when the engine cannot
 * be reached (which never means "nothing runs"), {@link NameConflictException} when the name is taken, and
 * {@link LaunchFailedException} when a launch failed after creating something (which is then removed again).
 */
public interface ContainerRuntime extends AutoCloseable {

    /** What this runtime can do; constant for its life. */
    RuntimeCapabilities capabilities();

    /** Checks that the engine answers. */
    void ping();

    /** Every app container (running or not) carrying all the given labels. */
    List<RuntimeContainer> list(Map<String, String> labels);

    /** The container with that id or name, or empty when the engine does not know it. */
    Optional<RuntimeContainer> inspect(String idOrName);

    /**
     * Creates and starts a container, its image made present as its pull policy says; returns it as it runs, or, where
     * the engine picks the published port at the start (a Docker engine), as {@link RuntimeContainer#started} without
     * its address: the read that its start event triggers brings that, so no read-back holds the caller.
     */
    RuntimeContainer launch(ContainerRequest request);

    /**
     * Replaces a container with one made from {@code request}, keeping nothing of the old one but what it asks. Under
     * imagePullPolicy Always the image is pulled before the old container stops, so a failed pull leaves it running.
     */
    RuntimeContainer replace(String id, ContainerRequest request);

    /** Starts a stopped container again; returns it as it runs. */
    RuntimeContainer restart(String id);

    /**
     * Stops a container (SIGTERM, then SIGKILL after {@code ram.stop-timeout}) and keeps it, to be started again with
     * {@link #restart}; returns it as it is then. Only a runtime whose {@link #capabilities()} can stop and keep is
     * ever asked; another fails with a {@link RuntimeFault}.
     */
    RuntimeContainer stop(String id);

    /** Stops (SIGTERM, then SIGKILL after {@code ram.stop-timeout}) and removes a container; an absent one is no error. */
    void remove(String id);

    /** The local image with that id or reference, or empty. */
    Optional<ImageInfo> image(String idOrReference);

    /**
     * The digest ({@code sha256:...}) that {@code reference}'s tag names in its registry now, asked with the configured
     * credentials; nothing is pulled.
     *
     * @throws RuntimeFault when the registry cannot be reached, refuses the credentials or does not know the tag
     */
    String registryDigest(String reference);

    /**
     * Streams lifecycle events of the containers carrying every given label to {@code watcher} until the returned
     * handle is closed. Subscribing never blocks for long; the watcher hears {@link RuntimeWatcher#started} once
     * the engine accepted it, or {@link RuntimeWatcher#broken} once when it fails or ends.
     */
    Closeable watch(Map<String, String> labels, RuntimeWatcher watcher);

    /**
     * Opens the output of container {@code id} (a swarm: service) as {@code query} asks, once the engine has accepted
     * the request (within {@code ram.docker.call-timeout}); the caller closes the stream.
     *
     * @throws LogsNotFoundException when the container is gone, or {@code query.previous()} and there is no run before
     *                               the current one that the engine still keeps
     */
    LogStream logs(String id, LogQuery query);

    /**
     * The realm's leader lease kept in the engine itself, shared by controllers on every host (a swarm); empty when only
     * a lock file on this host can hold it.
     *
     * @param identity the controller that claims it
     */
    default Optional<Lease> lease(LabelScheme labels, String identity) {
        return Optional.empty();
    }

    /** Releases the connection to the engine; nothing on the engine changes. */
    @Override
    void close();
}
