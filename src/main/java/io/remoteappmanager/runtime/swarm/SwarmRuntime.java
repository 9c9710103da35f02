package io.remoteappmanager.runtime.swarm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import io.remoteappmanager.leader.Lease;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.LocalImages;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import io.remoteappmanager.runtime.dockerapi.RegistryDigests;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link ContainerRuntime} on a Docker Swarm, through its manager: each app is a replicated service with one replica,
 * named as its container would be (service names are unique in a swarm, so a second controller's create is refused as
 * a name conflict), carrying our labels on the service and on its containers. Launch creates the service, replace
 * updates it (a rolling update that keeps the service, its id and its url id), restart forces an update, remove
 * removes it; Swarm pulls on the nodes, places, restarts under the restart policy and reschedules. An app is its
 * service joined with its current task and that task's node ({@link SwarmMapping}). What the services API cannot do as
 * docker mode does is refused at launch: host volumes, {@code imagePullPolicy: Never}, a secret as an environment
 * variable, and no-new-privileges on a manager older than API 1.44 (unless
 * {@code ram.swarm.require-no-new-privileges=false}). An app's file secrets are Swarm secret objects
 * ({@link SwarmSecrets}), swept after every update and removal of a service.
 */
public final class SwarmRuntime implements ContainerRuntime {

    private static final Logger LOG = Logger.getLogger(SwarmRuntime.class);
    /** The first Engine API that keeps {@code ContainerSpec.Privileges.NoNewPrivileges} (Docker 25). */
    static final String NO_NEW_PRIVILEGES_API = "1.44";
    /**
     * A service cannot be stopped and kept (scaling it to zero loses its task), so nothing is culled here; the swarm
     * places each service on a node and runs its restart policy itself.
     */
    public static final RuntimeCapabilities CAPABILITIES = new RuntimeCapabilities(false, true);

    private final EngineClient engine;
    private final DockerClient docker;
    private final ServiceWriter writer;
    private final SwarmSecrets secrets;
    private final RegistryDigests registryDigests;
    private final NodeDirectory nodes;
    private final ServiceLogs logs;
    private final Duration stopGrace;
    private final Duration restartDelay;
    private final Duration taskPoll;
    private final boolean requireNoNewPrivileges;
    private final Optional<String> pinnedApi;
    private volatile String managerApi;

    SwarmRuntime(EngineClient engine, SwarmSettings settings) {
        this.engine = engine;
        this.docker = engine.docker();
        RegistryAuth auth = new RegistryAuth(settings.registry());
        this.writer = new ServiceWriter(engine, auth);
        this.secrets = new SwarmSecrets(engine, settings.labels().realm(), settings.labels().realmFilter());
        this.registryDigests = new RegistryDigests(engine, auth);
        this.nodes = new NodeDirectory(() -> engine.call("list nodes", () -> docker.listSwarmNodesCmd().exec()));
        this.stopGrace = settings.stopGrace();
        this.restartDelay = settings.restartDelay();
        this.taskPoll = settings.taskPoll();
        this.requireNoNewPrivileges = settings.requireNoNewPrivileges();
        this.pinnedApi = settings.engine().apiVersion();
        this.logs = new ServiceLogs(engine);
    }

    @Override
    public Optional<Lease> lease(LabelScheme labels, String identity) {
        return Optional.of(new SwarmLease(engine, labels, identity));
    }

    @Override
    public RuntimeCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void ping() {
        engine.call("ping", () -> docker.pingCmd().exec());
    }

    /** Every service carrying the labels, each with its current task: one service list and one task list. */
    @Override
    public List<RuntimeContainer> list(Map<String, String> labels) {
        Instant sent = Instant.now();
        List<Service> services = services(labels);
        List<Task> tasks = tasks(labels);
        nodes.know(tasks.stream().map(Task::getNodeId).filter(Objects::nonNull).toList());
        Map<String, List<Task>> byService = SwarmMapping.byService(tasks);
        return services.stream()
                .map(s -> SwarmMapping.of(s, byService.getOrDefault(s.getId(), List.of()), nodes::get, sent))
                .toList();
    }

    /** The services carrying {@code labels} (one call). */
    private List<Service> services(Map<String, String> labels) {
        return engine.call("list services", () -> docker.listServicesCmd().withLabelFilter(labels).exec());
    }

    /** Every task, in any state, of the services carrying {@code labels} (one call). */
    private List<Task> tasks(Map<String, String> labels) {
        return engine.call("list tasks", () -> docker.listTasksCmd().withLabelFilter(labels).exec());
    }

    @Override
    public Optional<RuntimeContainer> inspect(String idOrName) {
        Instant sent = Instant.now();
        return engine.unlessNotFound("inspect service " + idOrName, () -> docker.inspectServiceCmd(idOrName).exec())
                .map(service -> container(service, engine.call("list tasks " + idOrName,
                        () -> docker.listTasksCmd().withServiceFilter(service.getId()).exec()), sent));
    }

    /** A service and all its tasks as its app's container, the nodes they name known first. */
    private RuntimeContainer container(Service service, List<Task> tasks, Instant sent) {
        nodes.know(tasks.stream().map(Task::getNodeId).filter(Objects::nonNull).toList());
        return SwarmMapping.of(service, tasks, nodes::get, sent);
    }

    /**
     * Creates the service; Swarm places and starts its task. Returns it as created, without a task yet and not read
     * back ({@link SwarmMapping#created}): the task watch's next report of the service carries its read.
     */
    @Override
    public RuntimeContainer launch(ContainerRequest request) {
        Instant sent = Instant.now();
        String id = secrets.naming(() -> writer.create(spec(request)));
        return SwarmMapping.created(id, request, sent);
    }

    /** Updates the service in place: Swarm stops its task and starts one with the new spec, on a node it picks. */
    @Override
    public RuntimeContainer replace(String id, ContainerRequest request) {
        Optional<Service> current = engine.unlessNotFound("inspect service " + id, () -> docker.inspectServiceCmd(id).exec());
        if (current.isEmpty()) {
            return launch(request);
        }
        secrets.naming(() -> {
            writer.update(id, current.get().getVersion().getIndex(), spec(request));
            return id;
        });
        secrets.sweep(); // the secret objects of the spec before may be nobody's now
        return inspect(id).orElseThrow(() -> new LaunchFailedException("service " + request.name()
                + " vanished right after its update"));
    }

    /** A forced update: Swarm replaces the task with the same spec. */
    @Override
    public RuntimeContainer restart(String id) {
        writer.forceUpdate(id);
        return inspect(id).orElseThrow(() -> new LaunchFailedException("service " + id + " vanished right after its update"));
    }

    /** Never asked for: idle culling, the only reason to stop an app and keep it, is off in swarm mode. */
    @Override
    public RuntimeContainer stop(String id) {
        throw new RuntimeFault("stop " + id + ": a swarm service cannot be stopped and kept, so idle culling is off"
                + " with ram.runtime=swarm and no stop should have been planned");
    }

    /** Removes the service; Swarm stops its task (SIGTERM, then SIGKILL after the stop grace period). */
    @Override
    public void remove(String id) {
        engine.unlessNotFound("remove service " + id, () -> docker.removeServiceCmd(id).exec());
        secrets.sweep();
    }

    /** The image in the manager's own store: the nodes keep their own. */
    @Override
    public Optional<ImageInfo> image(String idOrReference) {
        return LocalImages.inspect(engine, "image", idOrReference);
    }

    @Override
    public String registryDigest(String reference) {
        return engine.call("distribution " + reference, () -> registryDigests.of(reference));
    }

    /**
     * The task watch lists every task of the realm, not only the live ones, so that the reads it hands over count
     * restarts and keep exit codes as {@link #inspect} does.
     */
    @Override
    public Closeable watch(Map<String, String> labels, RuntimeWatcher watcher) {
        return new TaskWatch(engine, labels, watcher, new TaskWatch.Reads() {
            @Override
            public List<Task> tasks() {
                return SwarmRuntime.this.tasks(labels);
            }

            @Override
            public List<Service> services() {
                return SwarmRuntime.this.services(labels);
            }

            @Override
            public RuntimeContainer container(Service service, List<Task> tasks, Instant sent) {
                return SwarmRuntime.this.container(service, tasks, sent);
            }
        }, nodes::forget, taskPoll).start();
    }

    @Override
    public LogStream logs(String id, LogQuery query) {
        return logs.open(id, query);
    }

    @Override
    public void close() {
        engine.close();
    }

    /**
     * The service spec for {@code request}, or a refusal naming what a service cannot do as docker mode does; nothing
     * is created before it but the secret objects it names.
     */
    private ObjectNode spec(ContainerRequest request) {
        if (!request.volumes().isEmpty()) {
            throw new LaunchFailedException("host volumes are not supported with ram.runtime=swarm: "
                    + request.volumes().get(0).source() + " would be a path on whichever node runs " + request.name()
                    + ", where the volume policy cannot check it");
        }
        request.secrets().stream().filter(secret -> !secret.asFile()).findFirst().ifPresent(secret -> {
            throw new LaunchFailedException("secret " + secret.name() + " of " + request.name() + " is asked as an"
                    + " environment variable, which ram.runtime=swarm cannot give: Swarm secrets are files; write"
                    + " {file: " + secret.ref().file() + ", as: file} and the variable holds its path, "
                    + secret.ref().path());
        });
        if (request.pullPolicy() == PullPolicy.Never) {
            throw new LaunchFailedException("imagePullPolicy Never cannot be kept with ram.runtime=swarm: each node pulls "
                    + request.image() + " when it starts the task");
        }
        boolean noNewPrivileges = request.security().noNewPrivileges() && noNewPrivilegesKept(request);
        return ServiceSpecs.of(request, stopGrace, restartDelay, noNewPrivileges, secrets.ensure(request.secrets()));
    }

    /** Whether the manager keeps no-new-privileges; when it cannot, a refusal unless the operator accepted that. */
    private boolean noNewPrivilegesKept(ContainerRequest request) {
        String api = apiVersion();
        if (compare(api, NO_NEW_PRIVILEGES_API) >= 0) {
            return true;
        }
        if (requireNoNewPrivileges) {
            throw new LaunchFailedException("the swarm's API " + api + " cannot set no-new-privileges on services (it came"
                    + " with API " + NO_NEW_PRIVILEGES_API + ", Docker 25): not launching " + request.name()
                    + " without it; upgrade the swarm, or set ram.swarm.require-no-new-privileges=false to accept it");
        }
        return false;
    }

    /** The API version spoken with the manager: the one pinned in {@code ram.docker.api-version}, else the manager's. */
    private synchronized String apiVersion() {
        if (managerApi == null) {
            String manager = engine.call("version", () -> docker.versionCmd().exec()).getApiVersion();
            managerApi = pinnedApi.filter(p -> compare(p, manager) < 0).orElse(manager);
            if (compare(managerApi, NO_NEW_PRIVILEGES_API) < 0 && !requireNoNewPrivileges) {
                LOG.warnf("the swarm's API %s cannot set no-new-privileges on services (API %s, Docker 25, can): apps run "
                        + "without it (ram.swarm.require-no-new-privileges=false)", managerApi, NO_NEW_PRIVILEGES_API);
            }
        }
        return managerApi;
    }

    /** Compares API versions such as 1.41 and 1.44 by their numbers. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
