package io.remoteappmanager.testing.fake;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.EngineTimeoutException;
import io.remoteappmanager.runtime.EngineUnavailableException;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.ImageNotFoundException;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.LogLine;
import io.remoteappmanager.runtime.LogQuery;
import io.remoteappmanager.runtime.LogStream;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.runtime.docker.DockerRuntime;
import io.remoteappmanager.runtime.docker.NetworkPlacement;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A scriptable in-memory Docker engine behind {@link ContainerRuntime}, so the controller runs unchanged without
 * dockerd: each operation is the Docker runtime's own composition of engine calls (a launch is create and start; a
 * removal stop and remove; a pull as the pull policy says), and each call emits the real engine's events.
 * A test can set the engine's pace, inject faults and hangs per call, change containers behind the controller's back,
 * and count the calls the controller made.
 */
public final class FakeEngine implements ContainerRuntime {

    private final CallGate gate;
    private final FakeDaemon daemon;
    /** Where the Docker runtime would put each container: it labels each with its network, and so does the fake. */
    private final NetworkPlacement networks;
    private final String networkLabel;
    private final FakeLogs logs = new FakeLogs();

    /**
     * An engine with the configuration's defaults (30 s a call, 10 min a pull, the default label prefix and network)
     * and no pace: every call answers at once.
     */
    public FakeEngine() {
        this(StandaloneConfig.embedded(Map.of(), Map.of()));
    }

    /**
     * An engine whose calls end within {@code config}'s {@code ram.docker.call-timeout} and {@code pull-timeout},
     * placing containers on its {@code ram.docker.networks}.
     */
    public FakeEngine(RamConfig config) {
        this(config.docker().callTimeout(), config.docker().pullTimeout(), config.labelPrefix(),
                config.docker().networks());
    }

    private FakeEngine(Duration callTimeout, Duration pullTimeout, String labelPrefix, List<String> networks) {
        this.gate = new CallGate(new CallGate.Deadlines(callTimeout, pullTimeout));
        this.daemon = new FakeDaemon(gate);
        // The fake never runs out of room on a network: the placement's limit is the bridge's own.
        this.networks = new NetworkPlacement(networks, NetworkPlacement.BRIDGE_LIMIT);
        this.networkLabel = labelPrefix + LabelScheme.NETWORK;
    }

    // --- the test's side: images, pace, faults, outside changes, counts ---

    /** Holds each of {@code references} as a local image that serves until stopped. */
    public FakeEngine withImages(String... references) {
        for (String reference : references) {
            daemon.addLocal(FakeImage.serving(reference));
        }
        return this;
    }

    /** Holds {@code image} locally. */
    public FakeEngine withImage(FakeImage image) {
        daemon.addLocal(image);
        return this;
    }

    /** Lets the registry serve {@code image}, with a digest, to a pull. */
    public FakeEngine publish(FakeImage image) {
        daemon.publish(image);
        return this;
    }

    /** Models the engine's pace: each call takes {@code perCall} (real time), at most {@code concurrent} at once. */
    public FakeEngine paced(Duration perCall, int concurrent) {
        gate.pace(perCall, concurrent);
        return this;
    }

    /** Every {@code call} fails with what {@code fault} makes of its operation, until {@link #heal}. */
    public void fail(EngineCall call, Function<String, RuntimeFault> fault) {
        gate.fail(call, fault, -1);
    }

    /** The next {@code call} fails with what {@code fault} makes of its operation. */
    public void failNext(EngineCall call, Function<String, RuntimeFault> fault) {
        gate.fail(call, fault, 1);
    }

    public void heal(EngineCall call) {
        gate.heal(call);
    }

    /** A fault as the runtime words one: {@code <operation> failed: <why>}. */
    public static Function<String, RuntimeFault> error(String why) {
        return operation -> new RuntimeFault(operation + " failed: " + why);
    }

    /** The engine stops answering connections: every call fails as unreachable and every event stream breaks. */
    public void down() {
        Function<String, RuntimeFault> unreachable = operation -> new EngineUnavailableException(
                operation + " failed: Docker engine unreachable: Connection refused", null);
        gate.outage(unreachable);
        daemon.breakStreams(unreachable.apply("events"));
    }

    /** The engine answers again; watchers subscribe anew. */
    public void up() {
        gate.outage(null);
    }

    /** Drops every event stream open now, as a lost connection does; the engine itself keeps answering. */
    public void breakStreams() {
        daemon.breakStreams(new RuntimeFault("Docker event stream ended"));
    }

    /** The next {@code call} hangs before it takes effect (see {@link Hang}). */
    public Hang hang(EngineCall call) {
        return gate.hang(call, false);
    }

    /** The next {@code call} takes effect, then hangs instead of answering (a create whose container exists). */
    public Hang hangAfterEffect(EngineCall call) {
        return gate.hang(call, true);
    }

    /** Someone kills the container's process: kill, then die with 137. */
    public void kill(String idOrName) {
        daemon.kill(idOrName);
    }

    /** The container's process exits by itself with {@code code}. */
    public void exit(String idOrName, int code) {
        daemon.exit(idOrName, code);
    }

    /** The container's process writes {@code text} as one line to {@code source} (its current run's output). */
    public void print(String idOrName, LogLine.Source source, String text) {
        String id = daemon.inspect(idOrName).orElseThrow(() -> new IllegalArgumentException("no container " + idOrName)).id();
        logs.print(id, new LogLine(source, text));
    }

    /** Someone else creates and starts a container of a local image; returns its id. */
    public String runForeign(String name, String image, Map<String, String> labels) {
        FakeImage held = daemon.localImage(image).orElseThrow(() -> new IllegalArgumentException("no image " + image));
        ContainerRequest request = new ContainerRequest(name, image, PullPolicy.Never, labels, Map.of(), List.of(),
                8080, "127.0.0.1", List.of(), new ContainerRequest.Limits(0, 0, 0),
                new ContainerRequest.Security(false, List.of(), false), RestartPolicy.Never, ContainerRequest.Placement.ANYWHERE,
                Optional.empty(), List.of());
        String id = daemon.createNow(name, held, request, "create " + name);
        daemon.startNow(daemon.find(id).orElseThrow());
        return id;
    }

    /** Someone removes the container by force, behind the controller's back. */
    public void removeBehind(String idOrName) {
        daemon.removeNow(idOrName);
    }

    /** The container as an inspect would read it, without an engine call (for assertions). */
    public Optional<RuntimeContainer> peek(String idOrName) {
        return daemon.find(idOrName).map(c -> c.read(Instant.now(), false));
    }

    /** How often the container was started. */
    public int starts(String idOrName) {
        return daemon.find(idOrName).map(c -> c.starts).orElse(0);
    }

    /** How many {@code call}s were sent, failed and hung ones included. */
    public long calls(EngineCall call) {
        return gate.count(call);
    }

    /** The calls sent so far, by kind. */
    public Map<EngineCall, Long> calls() {
        Map<EngineCall, Long> counts = new EnumMap<>(EngineCall.class);
        for (EngineCall call : EngineCall.values()) {
            counts.put(call, gate.count(call));
        }
        return counts;
    }

    public long totalCalls() {
        return calls().values().stream().mapToLong(Long::longValue).sum();
    }

    // --- the controller's side: the Docker runtime's compositions ---

    @Override
    public void ping() {
        daemon.ping();
    }

    @Override
    public List<RuntimeContainer> list(Map<String, String> labels) {
        return daemon.list(labels);
    }

    @Override
    public Optional<RuntimeContainer> inspect(String idOrName) {
        return daemon.inspect(idOrName);
    }

    @Override
    public RuntimeContainer launch(ContainerRequest request) {
        return launch(request, request.pullPolicy() == PullPolicy.Always);
    }

    private RuntimeContainer launch(ContainerRequest request, boolean pullFirst) {
        ContainerRequest placed = request.placedOn(networks.choose(request.name(), request.network(), n -> 0)
                .orElseThrow(), networkLabel);
        String id = create(placed, pullFirst);
        try {
            Instant startSent = Instant.now();
            daemon.start(id);
            logs.started(id);
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
        daemon.start(id);
        logs.started(id);
        return daemon.inspect(id).orElseThrow(() -> new LaunchFailedException("container " + id + " vanished right after its start"));
    }

    @Override
    public RuntimeContainer stop(String id) {
        daemon.stop(id);
        return daemon.inspect(id).orElseThrow(() -> new RuntimeFault("container " + id + " vanished while it was stopped"));
    }

    @Override
    public void remove(String id) {
        daemon.stop(id);
        daemon.remove(id);
        logs.removed(id);
    }

    @Override
    public Optional<ImageInfo> image(String idOrReference) {
        return daemon.image(idOrReference);
    }

    @Override
    public String registryDigest(String reference) {
        return daemon.distribution(reference);
    }

    @Override
    public Closeable watch(Map<String, String> labels, RuntimeWatcher watcher) {
        return daemon.events(labels, watcher);
    }

    /** The output the test wrote with {@link #print}, kept per run of each container. */
    @Override
    public LogStream logs(String id, LogQuery query) {
        return logs.open(id, query);
    }

    /** What the engine it stands in for can do: a single Docker engine's. */
    @Override
    public RuntimeCapabilities capabilities() {
        return DockerRuntime.CAPABILITIES;
    }

    /** Ends the event delivery; the containers are forgotten with the engine. */
    @Override
    public void close() {
        daemon.close();
    }

    private String create(ContainerRequest request, boolean pullFirst) {
        if (pullFirst) {
            pull(request.image());
        }
        try {
            return daemon.create(request);
        } catch (ImageNotFoundException e) {
            if (request.pullPolicy() != PullPolicy.IfNotPresent) {
                throw new LaunchFailedException("image " + request.image() + " is not present and imagePullPolicy is "
                        + request.pullPolicy(), e);
            }
            pull(request.image());
            return daemon.create(request);
        }
    }

    private void pull(String image) {
        try {
            daemon.pull(image);
        } catch (RuntimeFault e) {
            throw new LaunchFailedException("pulling image " + image + " failed: " + e.getMessage(), e);
        }
    }

    private void removeQuietly(String id, RuntimeException cause) {
        try {
            daemon.remove(id);
        } catch (RuntimeFault cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}
