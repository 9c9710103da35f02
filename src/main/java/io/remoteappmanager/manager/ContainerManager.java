package io.remoteappmanager.manager;

import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.images.ImageCatalog;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.VolumeBind;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.reconcile.DesiredOverlay;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.LeaderState;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The seed's ContainerManager API in Java, for the REST API and library users: start, stop and find one realm's app
 * containers by their labels. A start or stop is a request laid over the spec source's desired state
 * ({@link DesiredOverlay}), carried out by the controller's own plan, queue and actuator under the same policy, and
 * answered from the status that follows; so it shows in {@code plan}, backs off and reports like any other change.
 * Only containers of this realm are ever seen or touched, and apps that spec files own are left to the files.
 */
public final class ContainerManager {

    /** The {@code source} label's file part for apps started through this API. */
    public static final String SOURCE = "api";

    private static final Logger LOG = Logger.getLogger(ContainerManager.class);

    /**
     * How requests are answered.
     *
     * @param containerPort the port apps listen on, published on a random port of {@code ram.docker.host-ip}
     * @param answerTimeout the longest wait for a request's outcome (a pull and a launch, each within its deadline)
     */
    public record Settings(int containerPort, Duration answerTimeout) {}

    private final ContainerRuntime runtime;
    private final ImageCatalog images;
    private final Controller controller;
    private final StatusWait status;
    private final LabelScheme labels;
    private final Settings settings;
    private final Clock clock;
    private final InFlight<AppKey> starts = new InFlight<>("start");
    private final InFlight<String> stops = new InFlight<>("stop");

    /**
     * @param images what images say of their apps, read once per image id
     * @param clock  the controller's, which dates the status this API reads its answers from
     */
    public ContainerManager(ContainerRuntime runtime, ImageCatalog images, Controller controller, StatusBoard status,
            LabelScheme labels, Settings settings, Clock clock) {
        this.runtime = runtime;
        this.images = images;
        this.controller = controller;
        this.status = new StatusWait(status);
        this.labels = labels;
        this.settings = settings;
        this.clock = clock;
    }

    /** The container port apps listen on; published on a random port of {@code ram.docker.host-ip}. */
    public int containerPort() {
        return settings.containerPort();
    }

    /**
     * The seed's start: runs the app under a fresh url id, replacing any container this user already has for
     * {@code mappingId}, and returns its container once it runs. A second start of the same app while one is under
     * way fails with {@link OperationInProgress}; a failed one with {@link LaunchFailedException}, leaving nothing.
     */
    public Container startContainer(String userName, String imageName, String mappingId, String baseUrlpath,
            Map<String, VolumeBind> volumes, Map<String, String> environment) {
        String urlId = Actuator.newUrlId();
        AppSpec spec = new AppSpec(mappingId, userName, imageName, mappingId, baseUrlpath, Optional.of(urlId),
                OptionalInt.empty(), volumes == null ? Map.of() : volumes, environment == null ? Map.of() : environment,
                List.of(), AppSpec.Resources.DEFAULTS, AppSpec.RestartPolicy.Always, AppSpec.PullPolicy.IfNotPresent,
                false, new SpecOrigin(SOURCE, mappingId, 0), AppSpec.Readiness.DEFAULTS, Optional.empty(),
                AppSpec.Placement.DEFAULTS, Optional.empty(), Map.of());
        return starts.run(spec.key(), () -> {
            refuseOnStandby("start");
            refuseIfOwnedBySpecs(spec.key());
            controller.overlay().start(spec);
            Instant asked = clock.instant();
            controller.trigger("seed API: start " + spec.key());
            String id = answer(spec.key(), "start", snapshot -> started(snapshot.app(spec.key()), urlId, asked));
            return runtime.inspect(id).map(c -> Container.of(c, labels))
                    .orElseThrow(() -> new LaunchFailedException("the container of " + spec.key() + " vanished"));
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
            AppKey key = labels.appKey(found.get().labels()).orElseThrow(() -> new ForeignContainerException(
                    "container " + containerId + " has no user and mapping id labels; refusing to stop it"));
            refuseOnStandby("stop");
            refuseIfOwnedBySpecs(key);
            controller.overlay().release(key);
            Instant asked = clock.instant();
            controller.trigger("seed API: stop " + key);
            return answer(key, "stop", snapshot -> removed(snapshot, key, containerId, asked));
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

    /**
     * The one running container that matches every filter given (a null filter matches any), or empty; the seed's
     * {@code find_container}.
     *
     * @throws MultipleResultsFound when several match
     */
    public Optional<Container> findContainer(String urlId, String mappingId, String userName) {
        Map<String, String> filters = new HashMap<>();
        Optional.ofNullable(urlId).ifPresent(v -> filters.put(LabelScheme.URL_ID, v));
        Optional.ofNullable(mappingId).ifPresent(v -> filters.put(LabelScheme.MAPPING_ID, v));
        Optional.ofNullable(userName).ifPresent(v -> filters.put(LabelScheme.USER, v));
        List<Container> found = containersFromFilters(filters);
        if (found.size() > 1) {
            throw new MultipleResultsFound(found.size() + " running containers match " + filters + ": "
                    + found.stream().map(Container::name).sorted().toList());
        }
        return found.stream().findFirst();
    }

    /**
     * The local image with that id or name, with what its labels say of its app, or empty; named as asked when that is
     * one of its tags, else by its first tag.
     */
    public Optional<Image> image(String imageIdOrName) {
        return runtime.image(imageIdOrName).map(info -> new Image(info.id(), info.tags().contains(imageIdOrName)
                ? imageIdOrName : info.tags().stream().findFirst().orElse(""), images.of(info)));
    }

    /** A standby acts on nothing, so it takes no request it could only answer after its timeout. */
    private void refuseOnStandby(String what) {
        LeaderState leader = status.current().leader();
        if (!leader.leads()) {
            throw new LaunchFailedException("cannot " + what + ": this controller (" + leader.self()
                    + ") stands by and acts on nothing; " + leader.leader().orElse("another controller")
                    + " leads the realm: ask it");
        }
    }

    private void refuseIfOwnedBySpecs(AppKey key) {
        controller.desiredApp(key).filter(spec -> !spec.origin().file().equals(SOURCE)).ifPresent(spec -> {
            throw new SpecOwnedException(key + " is owned by spec file " + spec.origin().file()
                    + ": change or remove it there");
        });
    }

    /**
     * The request's answer from the status: the value on success; on failure or timeout the request is withdrawn
     * (whatever it left is removed) and the failure thrown.
     */
    private <T> T answer(AppKey key, String what, Function<StatusSnapshot, Optional<Answer<T>>> verdict) {
        Answer<T> answer;
        try {
            answer = status.await(settings.answerTimeout(), verdict);
        } catch (TimeoutException e) {
            answer = Answer.failed(what + " of " + key + " did not finish within " + settings.answerTimeout());
        }
        if (answer.error().isPresent()) {
            controller.overlay().release(key);
            controller.trigger("seed API: " + what + " of " + key + " failed");
            throw new LaunchFailedException(answer.error().get());
        }
        return answer.value();
    }

    /** The started container's id once the app runs under {@code urlId}, or the error of an attempt since {@code asked}. */
    private static Optional<Answer<String>> started(Optional<AppStatus> app, String urlId, Instant asked) {
        if (app.isEmpty()) {
            return Optional.empty();
        }
        AppStatus.LastAction last = app.get().last();
        if (last.error().isPresent() && last.at().filter(at -> !at.isBefore(asked)).isPresent()) {
            return Optional.of(Answer.failed(last.error().get()));
        }
        boolean runs = app.get().phase() == Phase.Starting || app.get().phase() == Phase.Running;
        return app.get().containerId().filter(id -> runs && app.get().urlId().filter(urlId::equals).isPresent())
                .map(Answer::of);
    }

    /**
     * Done once a pass that began after the request, on an observed state it could trust (so one that had seen the
     * container), no longer shows the container for the key.
     */
    private static Optional<Answer<Void>> removed(StatusSnapshot snapshot, AppKey key, String containerId,
            Instant asked) {
        PassSummary pass = snapshot.lastPass();
        if (pass.finishedAt().filter(at -> !at.isBefore(asked)).isEmpty() || pass.engineError().isPresent()) {
            return Optional.empty();
        }
        Optional<AppStatus> app = snapshot.app(key);
        if (app.isPresent() && app.get().containerId().filter(containerId::equals).isPresent()) {
            AppStatus.LastAction last = app.get().last();
            return last.error().filter(e -> last.at().filter(at -> !at.isBefore(asked)).isPresent())
                    .map(Answer::failed);
        }
        return Optional.of(Answer.of(null));
    }

    private List<Container> running(List<RuntimeContainer> containers) {
        return containers.stream().filter(RuntimeContainer::isRunning).map(c -> Container.of(c, labels)).toList();
    }

    /** How a request ended: its value, or the error that says why it failed. */
    private record Answer<T>(T value, Optional<String> error) {

        static <T> Answer<T> of(T value) {
            return new Answer<>(value, Optional.empty());
        }

        static <T> Answer<T> failed(String error) {
            return new Answer<>(null, Optional.of(error));
        }
    }
}
