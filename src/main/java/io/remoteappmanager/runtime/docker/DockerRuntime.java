package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.EventType;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.ImageNotFoundException;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.EventStream;
import io.remoteappmanager.runtime.dockerapi.ImageReference;
import io.remoteappmanager.runtime.dockerapi.LocalImages;
import io.remoteappmanager.runtime.dockerapi.PullCallback;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import io.remoteappmanager.runtime.dockerapi.RegistryDigests;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link ContainerRuntime} on one Docker engine through docker-java. Each engine call has its deadline
 * ({@link EngineClient}) and is counted in {@code ram.docker.api.calls{operation}}; a launch pulls as the request's
 * pull policy says, learning that an image is absent from the create call itself, so a launch of a present image
 * costs create and start: the published host port is read by whoever follows the start's event, not by the launch.
 * Each new container is placed on one of {@code ram.docker.networks} first ({@link DockerNetworks}). Each container
 * read carries its image's registry digest ({@link ImageDigests}), which costs one image inspect
 * ({@code operation=image-digests}) per image between two listings.
 */
public final class DockerRuntime implements ContainerRuntime {

    private static final Logger LOG = Logger.getLogger(DockerRuntime.class);
    private static final String PULL_TIMEOUT = "ram.docker.pull-timeout";
    /** An engine stops a container and keeps it, and places nothing: an app runs where the engine is. */
    public static final RuntimeCapabilities CAPABILITIES = new RuntimeCapabilities(true, false);

    private final EngineClient engine;
    private final DockerClient docker;
    private final RegistryAuth auth;
    private final RegistryDigests registryDigests;
    private final ImageDigests imageDigests;
    private final Duration pullTimeout;
    private final Duration stopTimeout;
    private final DockerNetworks networks;
    private final ContainerLogs logs;

    DockerRuntime(EngineClient engine, DockerSettings settings) {
        this.engine = engine;
        this.docker = engine.docker();
        this.auth = new RegistryAuth(settings.registry());
        this.registryDigests = new RegistryDigests(engine, auth);
        this.imageDigests = new ImageDigests(id -> LocalImages.inspect(engine, "image-digests", id));
        this.pullTimeout = settings.pullTimeout();
        this.stopTimeout = settings.stopTimeout();
        LabelScheme labels = settings.labels();
        this.networks = new DockerNetworks(
                new NetworkPlacement(settings.networks(), settings.maxAppsPerNetwork()), docker,
                engine::call, labels.key(LabelScheme.NETWORK), labels.realmFilter());
        this.logs = new ContainerLogs(engine);
    }

    @Override
    public RuntimeCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void ping() {
        engine.call("ping", () -> docker.pingCmd().exec());
    }

    @Override
    public List<RuntimeContainer> list(Map<String, String> labels) {
        Instant sent = Instant.now();
        List<Container> listed = engine.call("list",
                () -> docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec());
        imageDigests.forget();
        return listed.stream()
                .map(c -> DockerMapping.fromListing(c, sent, imageDigests.of(c.getImageId(), c.getImage())))
                .toList();
    }

    @Override
    public Optional<RuntimeContainer> inspect(String idOrName) {
        Instant sent = Instant.now();
        return engine.unlessNotFound("inspect " + idOrName, () -> docker.inspectContainerCmd(idOrName).exec())
                .map(r -> DockerMapping.fromInspect(r, sent, imageDigests.of(r.getImageId(),
                        r.getConfig() == null ? null : r.getConfig().getImage())));
    }

    @Override
    public RuntimeContainer launch(ContainerRequest request) {
        return launch(request, request.pullPolicy() == PullPolicy.Always);
    }

    /** Creates and starts the container; {@code pullFirst} false when its image was pulled just now. */
    private RuntimeContainer launch(ContainerRequest request, boolean pullFirst) {
        ContainerRequest placed = networks.place(request);
        String id;
        try {
            id = create(placed, pullFirst);
        } catch (RuntimeException e) {
            networks.notCreated(placed);
            throw e;
        }
        networks.created(placed, id);
        try {
            SecretFiles.copyInto(engine, docker, id, request.secrets());
            Instant startSent = Instant.now();
            start(id);
            return RuntimeContainer.started(id, placed, startSent);
        } catch (RuntimeException e) {
            removeQuietly(id, e);
            throw e instanceof LaunchFailedException || e instanceof EngineTimeoutException ? e
                    : new LaunchFailedException("starting " + request.name() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public RuntimeContainer replace(String id, ContainerRequest request) {
        if (request.pullPolicy() == PullPolicy.Always) {
            pull(request.image());
        }
        remove(id);
        return launch(request, false);
    }

    @Override
    public RuntimeContainer restart(String id) {
        start(id);
        return inspect(id).orElseThrow(() -> new LaunchFailedException("container " + id + " vanished right after its start"));
    }

    @Override
    public RuntimeContainer stop(String id) {
        halt(id);
        return inspect(id).orElseThrow(() -> new RuntimeFault("container " + id + " vanished while it was stopped"));
    }

    @Override
    public void remove(String id) {
        halt(id);
        engine.unlessNotFound("remove " + id, () -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
        networks.removed(id);
    }

    @Override
    public Optional<ImageInfo> image(String idOrReference) {
        return LocalImages.inspect(engine, "image", idOrReference);
    }

    @Override
    public String registryDigest(String reference) {
        return engine.call("distribution " + reference, () -> registryDigests.of(reference));
    }

    @Override
    public Closeable watch(Map<String, String> labels, RuntimeWatcher watcher) {
        engine.count("events");
        EventStream stream = new EventStream(watcher, event -> List.of(DockerMapping.fromEvent(event)));
        docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER).withLabelFilter(labels).exec(stream);
        return stream::stop;
    }

    @Override
    public LogStream logs(String id, LogQuery query) {
        return logs.open(id, query);
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Creates the container, pulling first under Always, and after "no such image" under IfNotPresent. */
    private String create(ContainerRequest request, boolean pullFirst) {
        if (pullFirst) {
            pull(request.image());
        }
        try {
            return createOnce(request);
        } catch (ImageNotFoundException e) {
            if (request.pullPolicy() != PullPolicy.IfNotPresent) {
                throw new LaunchFailedException("image " + request.image() + " is not present and imagePullPolicy is "
                        + request.pullPolicy(), e);
            }
            pull(request.image());
            return createOnce(request);
        }
    }

    private String createOnce(ContainerRequest request) {
        return engine.call("create " + request.name(), () -> {
            try (CreateContainerCmd cmd = DockerMapping.createCommand(docker, request)) {
                return cmd.exec().getId();
            }
        });
    }

    private void pull(String image) {
        LOG.infof("pulling image %s", image);
        ImageReference ref = ImageReference.parse(image);
        try {
            engine.call("pull " + image, pullTimeout, PULL_TIMEOUT, () -> {
                PullImageCmd pull = docker.pullImageCmd(ref.repository()).withTag(ref.tag());
                auth.forImage(image).ifPresent(pull::withAuthConfig);
                try {
                    return pull.exec(new PullCallback()).awaitCompletion();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pulling " + image, e);
                }
            });
        } catch (RuntimeFault e) {
            throw new LaunchFailedException("pulling image " + image + " failed: " + e.getMessage(), e);
        }
    }

    /** Starts a container; 304 (already started) is what the caller wants. */
    private void start(String id) {
        try {
            engine.call("start " + id, () -> docker.startContainerCmd(id).exec());
        } catch (RuntimeFault fault) {
            if (!(fault.getCause() instanceof NotModifiedException)) {
                throw fault;
            }
        }
    }

    /** Stops a container; 304 (already stopped) and 404 (already gone) are what the caller wants. */
    private void halt(String id) {
        try {
            engine.call("stop " + id, () -> docker.stopContainerCmd(id).withTimeout(stopSeconds()).exec());
        } catch (RuntimeFault fault) {
            if (!(fault.getCause() instanceof NotModifiedException)) {
                EngineClient.rethrowUnlessNotFound(fault);
            }
        }
    }

    /** The engine's stop timeout is whole seconds: a sub-second one is rounded up, never silently turned into 0. */
    private int stopSeconds() {
        long millis = stopTimeout.toMillis();
        return (int) Math.min(Integer.MAX_VALUE, (millis + 999) / 1000);
    }

    private void removeQuietly(String id, RuntimeException cause) {
        try {
            engine.unlessNotFound("remove " + id, () -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
            networks.removed(id);
        } catch (RuntimeFault cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}
