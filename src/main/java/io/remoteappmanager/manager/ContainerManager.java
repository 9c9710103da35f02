package io.remoteappmanager.manager;

import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jboss.logging.Logger;

/**
 * The seed's ContainerManager API in Java, for the REST API and library users: start, stop and find one realm's app
 * containers by their labels. Starts go through the same {@link Actuator} as the controller's own, under the same
 * policy; only containers of this realm are ever seen or touched.
 */
public final class ContainerManager {

    private static final Logger LOG = Logger.getLogger(ContainerManager.class);

    private final ContainerRuntime runtime;
    private final Actuator actuator;
    private final LabelScheme labels;
    private final int containerPort;
    private final InFlight<AppKey> starts = new InFlight<>("start");
    private final InFlight<String> stops = new InFlight<>("stop");

    /** @param containerPort the port apps listen on when their spec names none ({@code ram.container-port}) */
    public ContainerManager(ContainerRuntime runtime, Actuator actuator, LabelScheme labels, int containerPort) {
        this.runtime = runtime;
        this.actuator = actuator;
        this.labels = labels;
        this.containerPort = containerPort;
    }

    /** The container port apps listen on; published on a random port of {@code ram.docker.host-ip}. */
    public int containerPort() {
        return containerPort;
    }

    /**
     * The seed's start: replaces any container this user already has for {@code mappingId}, then starts a new one
     * under a fresh url id. A second start of the same app while one runs fails with {@link OperationInProgress}.
     */
    public Container startContainer(String userName, String imageName, String mappingId, String baseUrlpath,
            Map<String, VolumeBind> volumes, Map<String, String> environment) {
        AppSpec spec = new AppSpec(mappingId, userName, imageName, mappingId, baseUrlpath, Optional.empty(),
                OptionalInt.empty(), volumes == null ? Map.of() : volumes, environment == null ? Map.of() : environment,
                List.of(), AppSpec.Resources.DEFAULTS, AppSpec.RestartPolicy.Always, AppSpec.PullPolicy.IfNotPresent,
                false, new SpecOrigin("api", mappingId, 0), AppSpec.Readiness.DEFAULTS, Optional.empty(),
                AppSpec.Placement.DEFAULTS, Optional.empty());
        return starts.run(spec.key(), () -> {
            runtime.list(labels.appFilter(spec.key())).forEach(old -> stopAndRemoveContainer(old.id()));
            return Container.of(actuator.launch(spec, Actuator.newUrlId()), labels);
        });
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
            actuator.remove(containerId);
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
     * The running containers whose labels match every filter; keys are short label names ({@code user},
     * {@code url_id}) or full keys. The realm filter is always added.
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

    /** The local image with that id or name, or empty. */
    public Optional<ImageInfo> image(String imageIdOrName) {
        return runtime.image(imageIdOrName);
    }

    private List<Container> running(List<RuntimeContainer> containers) {
        return containers.stream().filter(RuntimeContainer::isRunning).map(c -> Container.of(c, labels)).toList();
    }
}
