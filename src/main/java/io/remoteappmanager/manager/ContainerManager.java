package io.remoteappmanager.manager;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ContainerNames;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.policy.VolumeRule;
import io.remoteappmanager.runtime.ContainerRequest.VolumeMount;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeFault;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The seed's ContainerManager in Java: start, stop and find one realm's app containers by their labels.
 * The reconciler drives it through {@link #launch} and {@link #stopAndRemoveContainer}; callers of the
 * seed's API use the rest. Only containers of this realm are ever seen or touched.
 */
@ApplicationScoped
public class ContainerManager {

    private static final Logger LOG = Logger.getLogger(ContainerManager.class);

    private final ContainerRuntime runtime;
    private final ContainerTemplate template;
    private final ImagePuller images;
    private final LabelScheme labels;
    private final RamConfig config;
    private final VolumeRule volumes;
    private final InFlight<AppKey> starts = new InFlight<>("start");
    private final InFlight<String> stops = new InFlight<>("stop");

    public ContainerManager(ContainerRuntime runtime, ContainerTemplate template, ImagePuller images,
            LabelScheme labels, RamConfig config) {
        this.runtime = runtime;
        this.template = template;
        this.images = images;
        this.labels = labels;
        this.config = config;
        this.volumes = new VolumeRule(config.policy().volumeRoots().orElse(List.of()));
    }

    /** The container port apps listen on; published on a random port of {@code ram.docker.host-ip}. */
    public int containerPort() {
        return config.containerPort();
    }

    /**
     * The seed's start: replaces any container this user already has for {@code mappingId}, then
     * starts a new one under a fresh url id.
     */
    public Container startContainer(String userName, String imageName, String mappingId, String baseUrlpath,
            Map<String, VolumeBind> volumes, Map<String, String> environment) {
        AppSpec spec = new AppSpec(mappingId, userName, imageName, mappingId, baseUrlpath, Optional.empty(),
                OptionalInt.empty(), volumes == null ? Map.of() : volumes, environment == null ? Map.of() : environment,
                List.of(), AppSpec.Resources.DEFAULTS, AppSpec.RestartPolicy.Always, AppSpec.PullPolicy.IfNotPresent,
                false, new SpecOrigin("api", mappingId, 0), AppSpec.Readiness.DEFAULTS);
        return starts.run(spec.key(), () -> {
            containersFromMappingIdIncludingStopped(spec.key()).forEach(old -> stopAndRemoveContainer(old.dockerId()));
            return createAndStart(spec, newUrlId());
        });
    }

    /** Creates and starts the container for {@code spec} under {@code urlId}; one launch per app at a time. */
    public Container launch(AppSpec spec, String urlId) {
        return starts.run(spec.key(), () -> createAndStart(spec, urlId));
    }

    /**
     * Starts an existing, stopped container of this realm again and returns it as it now runs. Its host binds are
     * checked against the volume policy first, as they resolve now: the engine resolves them again at start.
     */
    public Container restart(String containerId) {
        RuntimeContainer stopped = runtime.inspect(containerId).filter(c -> labels.inRealm(c.labels())).orElseThrow(() ->
                new StartFailedException("container " + containerId + " is gone or not in realm '" + labels.realm() + "'"));
        stopped.mounts().forEach(mount -> volumes.checkBoundSource(mount.source()));
        runtime.start(containerId);
        return ownContainer(containerId).orElseThrow(() ->
                new StartFailedException("container " + containerId + " vanished right after its start"));
    }

    /** Idempotent stop and removal; a container that is already gone is logged, not an error. */
    public void stopAndRemoveContainer(String containerId) {
        stops.run(containerId, () -> {
            Optional<RuntimeContainer> found = runtime.inspect(containerId);
            if (found.isEmpty()) {
                LOG.infof("container %s is already gone; nothing to stop", containerId);
                return null;
            }
            if (!labels.inRealm(found.get().labels())) {
                throw new ForeignContainerException("container " + containerId + " is not in realm '"
                        + labels.realm() + "'; refusing to stop it");
            }
            runtime.stop(containerId, config.stopTimeout());
            runtime.remove(containerId);
            return null;
        });
    }

    /** The running containers of one user's mapping. */
    public List<Container> containersFromMappingId(String userName, String mappingId) {
        return running(runtime.list(labels.appFilter(new AppKey(userName, mappingId))));
    }

    /** The running container serving {@code urlId}, or empty. */
    public Optional<Container> containerFromUrlId(String urlId) {
        return containersFromFilters(Map.of(LabelScheme.URL_ID, urlId)).stream().findFirst();
    }

    /**
     * The running containers whose labels match every filter; keys are short label names
     * ({@code user}, {@code url_id}) or full keys. The realm filter is always added.
     */
    public List<Container> containersFromFilters(Map<String, String> filters) {
        Map<String, String> query = new HashMap<>();
        filters.forEach((name, value) -> query.put(name.contains(".") ? name : labels.key(name), value));
        query.putAll(labels.realmFilter());
        return running(runtime.list(query));
    }

    public List<Container> runningContainers() {
        return containersFromFilters(Map.of());
    }

    /**
     * Explains a {@link io.remoteappmanager.runtime.NameConflictException} for {@code key}: empty when
     * the name is held by this realm's own container for that key (someone else created it: nothing to
     * do), otherwise a message naming the foreign holder.
     */
    public Optional<String> nameConflictCause(AppKey key) {
        String name = ContainerNames.of(labels.realm(), key);
        return runtime.inspect(name)
                .filter(c -> !(labels.inRealm(c.labels()) && labels.appKey(c.labels()).filter(key::equals).isPresent()))
                .map(c -> "container name " + name + " is held by container " + shortId(c.id())
                        + " that is not this realm's " + key + " (labels " + c.labels() + ")");
    }

    /** The local image with that id or name, with its labels, or empty. */
    public Optional<ImageInfo> image(String imageIdOrName) {
        return runtime.image(imageIdOrName);
    }

    private Container createAndStart(AppSpec spec, String urlId) {
        requireVolumeSources(spec);
        ContainerRequest request = withCheckedVolumes(template.request(spec, urlId));
        String id = images.create(request, spec.imagePullPolicy());
        try {
            runtime.start(id);
            Container started = ownContainer(id).orElseThrow(() ->
                    new StartFailedException("container " + request.name() + " vanished right after its start"));
            if (started.hostPort() == 0) {
                throw new StartFailedException("container " + request.name() + " has no published port "
                        + template.containerPort(spec) + " (state " + started.state() + ")");
            }
            LOG.infof("started %s (%s) for %s at %s", request.name(), shortId(id), spec.key(), started.hostUrl());
            return started;
        } catch (RuntimeException e) {
            removeQuietly(id, e);
            throw e instanceof StartFailedException ? e
                    : new StartFailedException("starting " + request.name() + " failed: " + e.getMessage(), e);
        }
    }

    private void requireVolumeSources(AppSpec spec) {
        for (String source : spec.volumes().keySet()) {
            if (!Files.exists(Path.of(source))) {
                throw new StartFailedException("volume source " + source + " of " + spec.key()
                        + " does not exist on the host");
            }
        }
    }

    /** The request with each volume source replaced by its real path, checked against the policy as it resolves now. */
    private ContainerRequest withCheckedVolumes(ContainerRequest request) {
        if (request.volumes().isEmpty()) {
            return request;
        }
        List<VolumeMount> checked = request.volumes().stream()
                .map(v -> new VolumeMount(volumes.bindSource(v.source()), v.target(), v.readOnly()))
                .toList();
        return request.withVolumes(checked);
    }

    private Optional<Container> ownContainer(String id) {
        return runtime.inspect(id).filter(c -> labels.inRealm(c.labels())).map(c -> Container.of(c, labels));
    }

    private List<Container> containersFromMappingIdIncludingStopped(AppKey key) {
        return runtime.list(labels.appFilter(key)).stream().map(c -> Container.of(c, labels)).toList();
    }

    private List<Container> running(List<RuntimeContainer> containers) {
        return containers.stream().filter(RuntimeContainer::isRunning).map(c -> Container.of(c, labels)).toList();
    }

    private void removeQuietly(String id, RuntimeException cause) {
        try {
            runtime.remove(id);
        } catch (RuntimeFault cleanup) {
            cause.addSuppressed(cleanup);
        }
    }

    /** A fresh url id: 32 random hex characters. */
    public static String newUrlId() {
        UUID uuid = UUID.randomUUID();
        return HexFormat.of().toHexDigits(uuid.getMostSignificantBits()) + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits());
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
