package io.remoteappmanager.app;

import static io.remoteappmanager.lifecycle.Services.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.api.WakeResource;
import io.remoteappmanager.config.ConfigCheck;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.images.ImageCatalog;
import io.remoteappmanager.images.ImageUpdates;
import io.remoteappmanager.leader.FileLease;
import io.remoteappmanager.leader.Leadership;
import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.lifecycle.Services;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.notify.Notifier;
import io.remoteappmanager.observe.ObservedCache;
import io.remoteappmanager.planner.Idling;
import io.remoteappmanager.policy.VolumeRule;
import io.remoteappmanager.secrets.SecretsDirectory;
import io.remoteappmanager.secrets.SecretsSource;
import io.remoteappmanager.proxy.ActivityWatch;
import io.remoteappmanager.proxy.ChpClient;
import io.remoteappmanager.proxy.RouteSync;
import io.remoteappmanager.readiness.ReadinessProbes;
import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.reconcile.WakeRequests;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.AppUrlLog;
import io.remoteappmanager.status.ProxyState;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.time.Backoff;
import io.remoteappmanager.time.MonotonicClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The whole controller, assembled from its configuration in one place: spec source → planner → work queue →
 * actuator → runtime, the event-fed cache, the readiness probes, the proxy's activity and the wake requests as the
 * planner's other inputs, and the status board with its readers (route sync, notifications, the URL log). Whatever
 * acts outward (the queue of work, route sync, notifications, the idle and image checks) goes through the one
 * {@link Leadership}. The application, the tests and the {@code plan} command all build it here; CDI only hands its
 * parts to the REST resources.
 */
public final class RemoteAppManager implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RemoteAppManager.class);
    /** How often the engine is pinged, so one that stops answering is noticed while nothing else asks it. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Backoff RESUBSCRIBE = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    private final RamConfig config;
    private final ContainerRuntime runtime;
    private final SpecSource source;
    private final ObservedCache cache;
    private final ReadinessProbes probes;
    private final ImageUpdates images;
    private final ImageCatalog catalog;
    private final StatusBoard status;
    private final Optional<RouteSync> routes;
    private final Optional<Notifier> notifier;
    private final Optional<ActivityWatch> activity;
    private final WakeRequests wakes;
    private final Leadership leadership;
    private final ContainerManager manager;
    private final Controller controller;
    private final Services services = new Services();

    /** @param jobs where the periodic work runs: quarkus-scheduler in the application, a timer elsewhere */
    private RemoteAppManager(RamConfig config, ContainerRuntime runtime, SpecSource specs, MeterRegistry metrics,
            Clock clock, Jobs jobs) {
        this.config = ConfigCheck.validate(config);
        this.runtime = runtime;
        Optional<SecretsDirectory> secrets = FromConfig.secrets(config);
        this.source = new SecretsSource(specs, secrets);
        LabelScheme labels = FromConfig.labels(config);
        RuntimeCapabilities can = runtime.capabilities();
        ContainerTemplate template = new ContainerTemplate(FromConfig.template(config), labels, can);
        this.cache = new ObservedCache(runtime, labels, new ObservedCache.Settings(config.reconcile().relistInterval(),
                HEARTBEAT, config.docker().callTimeout(), RESUBSCRIBE), clock, this::trigger);
        this.probes = new ReadinessProbes(FromConfig.probes(config), this::trigger);
        this.images = new ImageUpdates(runtime, config.images().checkInterval(), this::trigger, metrics);
        this.catalog = new ImageCatalog(runtime, FromConfig.imageCatalog(config), this::trigger);
        this.status = new StatusBoard(StatusSnapshot.initial(cache.engine(), source.status(),
                ProxyState.initial(config.proxy().apiUrl()), FromConfig.leaderState(config)));
        String self = status.current().leader().self();
        this.leadership = new Leadership(FromConfig.leaderElection(config, self),
                () -> runtime.lease(labels, self).orElseGet(() -> new FileLease(FromConfig.lockFile(config), self)),
                status, metrics, clock, () -> trigger("this controller leads now"));
        Optional<ChpClient> chp = ChpClient.fromConfig(FromConfig.proxy(config));
        this.routes = chp.map(client -> new RouteSync(client, config.realm(), wakePage(config.cull()), status, metrics,
                clock));
        this.activity = chp.filter(client -> can.canStopAndKeep()).map(client -> new ActivityWatch(client,
                config.realm(), config.cull().checkInterval(), clock, this::trigger));
        this.wakes = new WakeRequests(clock);
        if (activity.isEmpty() && config.cull().idleTimeout().isPresent()) {
            LOG.warn(can.canStopAndKeep()
                    ? "ram.cull.idle-timeout is set but ram.proxy.api-url is not: no app is culled without the proxy"
                    : "ram.cull.idle-timeout is set but this runtime cannot stop an app and keep it: idle culling"
                            + " needs ram.runtime=docker");
        }
        Actuator actuator = new Actuator(runtime, template,
                new VolumeRule(config.policy().volumeRoots().orElse(List.of())), labels, cache, secrets);
        this.controller = new Controller(source, cache, probes, images, catalog, actuator, template::specHash, status,
                new Controller.Settings(config.reconcile().parallelism(), config.reconcile().interval(),
                        config.specs().debounce(),
                        new Backoff(config.reconcile().initialBackoff(), config.reconcile().maxBackoff()),
                        config.reconcile().maxDisruptions(), config.prune().allowEmpty(), config.liveness().enabled()),
                this::idling, leadership::leads, metrics, clock);
        this.manager = new ContainerManager(runtime, catalog, controller, status, labels,
                new ContainerManager.Settings(config.containerPort(), answerTimeout(config.docker())), clock);
        status.listen(new AppUrlLog());
        routes.ifPresent(sync -> status.listen(leadership.whileLeading(sync::offer)));
        this.notifier = Notifier.fromConfig(FromConfig.notify(config), config.realm(), metrics, clock,
                leadership::leads);
        notifier.ifPresent(n -> status.listen(n::offer));
        Jobs leaderJobs = leadership.gate(jobs);
        services.register("leader election", service(() -> leadership.start(jobs), leadership::close))
                .register("spec source", service(() -> source.start(() -> trigger("spec files changed"), jobs),
                        source::close))
                .register("observed cache", service(() -> cache.start(jobs), cache::close));
        routes.ifPresent(sync -> services.register("route sync", service(sync::start, sync::close)));
        notifier.ifPresent(n -> services.register("notifications", service(n::start, n::close)));
        activity.ifPresent(watch -> services.register("idle check", service(() -> watch.start(leaderJobs),
                watch::close)));
        services.register("image checks", service(() -> images.start(leaderJobs), images::close))
                .register("image metadata", service(() -> { }, catalog::close))
                .register("readiness probes", service(() -> { }, probes::close))
                .register("controller", service(() -> controller.start(jobs), controller::close));
    }

    /** The controller for {@code config} on {@code runtime}, reading the source the configuration names. */
    public static RemoteAppManager assemble(RamConfig config, ContainerRuntime runtime, MeterRegistry metrics,
            Jobs jobs) {
        return new RemoteAppManager(config, runtime, SpecSources.fromConfig(config, metrics), metrics,
                MonotonicClock.system(), jobs);
    }

    /**
     * The controller for {@code config} on {@code runtime}, reading {@code source} (the {@code plan} command's, a
     * test's), with its periodic work on {@code jobs}.
     */
    public static RemoteAppManager assemble(RamConfig config, ContainerRuntime runtime, SpecSource source,
            MeterRegistry metrics, Jobs jobs) {
        return new RemoteAppManager(config, runtime, source, metrics, MonotonicClock.system(), jobs);
    }

    /**
     * Starts its parts in order: leader election (a lone controller leads at once), the spec source, the observed
     * cache, route sync, notifications, the idle and image checks, and last the loop with a first pass.
     */
    public RemoteAppManager start() {
        services.start();
        return this;
    }

    /** Stops everything it started, in reverse; every container is left running, and the next start adopts them. */
    @Override
    public void close() {
        services.close();
    }

    public RamConfig config() {
        return config;
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    public SpecSource source() {
        return source;
    }

    public ObservedCache cache() {
        return cache;
    }

    public ReadinessProbes probes() {
        return probes;
    }

    public StatusBoard status() {
        return status;
    }

    public ContainerManager manager() {
        return manager;
    }

    public Controller controller() {
        return controller;
    }

    /** The wake requests, which only the wake page writes. */
    public WakeRequests wakes() {
        return wakes;
    }

    /** Whether this controller leads its realm now (status says the same, for readers of the status). */
    public Leadership leadership() {
        return leadership;
    }

    private void trigger(String reason) {
        controller.trigger(reason);
    }

    /** What idle culling knows now; off without the proxy, which alone sees who uses an app. */
    private Idling idling() {
        return activity.map(watch -> new Idling(true, config.cull().idleTimeout(), watch.latest(), wakes::latest))
                .orElse(Idling.OFF);
    }

    /** The longest a seed API request waits for its outcome: a pull, then create, start and read-back, with room. */
    private static Duration answerTimeout(RamConfig.Docker docker) {
        return docker.pullTimeout().plus(docker.callTimeout().multipliedBy(4));
    }

    /** Where an idle app's route leads: the wake page under {@code ram.cull.controller-url}. */
    private static String wakePage(RamConfig.Cull cull) {
        return cull.controllerUrl().replaceAll("/+$", "") + WakeResource.PATH;
    }
}
