package io.remoteappmanager.testing.fake;

import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ImageInfo;
import io.remoteappmanager.runtime.ImageNotFoundException;
import io.remoteappmanager.runtime.NameConflictException;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeFault;
import io.remoteappmanager.runtime.RuntimeWatcher;
import java.io.Closeable;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's API, one method per call, on containers and images held in memory: each call passes the
 * {@link CallGate}, changes state under one lock and emits the real engine's events for that change, in its order
 * (observed on dockerd 20.10: a stop is kill(15), die, stop; a forced removal of a running container kill(9),
 * die(137), destroy; a start of a running container or a stop of a stopped one emits nothing). Changes made from
 * outside the controller take the same paths without passing the gate.
 */
final class FakeDaemon implements AutoCloseable {

    private static final int FIRST_PORT = 32768;

    private final CallGate gate;
    private final FakeEvents events = new FakeEvents();
    private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
    private final Map<String, String> idsByName = new HashMap<>();
    private final Map<String, FakeImage> local = new ConcurrentHashMap<>();
    private final Map<String, FakeImage> registry = new ConcurrentHashMap<>();
    private int nextPort = FIRST_PORT;

    FakeDaemon(CallGate gate) {
        this.gate = gate;
    }

    void addLocal(FakeImage image) {
        local.put(image.reference(), image);
    }

    void publish(FakeImage image) {
        registry.put(image.reference(), image.digest().isPresent() ? image : image.published());
    }

    void ping() {
        gate.enter(EngineCall.PING, "ping");
    }

    List<RuntimeContainer> list(Map<String, String> filter) {
        Instant sent = Instant.now();
        gate.enter(EngineCall.LIST, "list");
        synchronized (this) {
            return containers.values().stream().filter(c -> c.carries(filter)).map(c -> c.read(sent, true)).toList();
        }
    }

    Optional<RuntimeContainer> inspect(String idOrName) {
        Instant sent = Instant.now();
        gate.enter(EngineCall.INSPECT, "inspect " + idOrName);
        synchronized (this) {
            return find(idOrName).map(c -> c.read(sent, false));
        }
    }

    /** Creates the container; the image must be local. */
    String create(ContainerRequest request) {
        String operation = "create " + request.name();
        gate.enter(EngineCall.CREATE, operation);
        String id;
        synchronized (this) {
            FakeImage image = local.get(request.image());
            if (image == null) {
                throw new ImageNotFoundException(operation + " failed: No such image: " + request.image(), null);
            }
            id = createNow(request.name(), image, request, operation);
        }
        gate.answer(EngineCall.CREATE, operation);
        return id;
    }

    /** Starts the container; one that runs already is left as it is (the engine's 304). */
    void start(String id) {
        String operation = "start " + id;
        gate.enter(EngineCall.START, operation);
        synchronized (this) {
            FakeContainer c = find(id).orElseThrow(() -> noSuchContainer(operation, id));
            if (!c.state.isUp()) {
                startNow(c);
            }
        }
        gate.answer(EngineCall.START, operation);
    }

    /** Stops the container: its process ends on SIGTERM with 0; a stopped or absent one is what the caller wants. */
    void stop(String id) {
        String operation = "stop " + id;
        gate.enter(EngineCall.STOP, operation);
        synchronized (this) {
            find(id).filter(c -> c.state.isUp()).ifPresent(c -> {
                events.emit(c, "kill", Map.of("signal", "15"));
                end(c, 0);
                events.emit(c, "stop", Map.of());
            });
        }
        gate.answer(EngineCall.STOP, operation);
    }

    /** Removes the container by force (killing it if it runs); an absent one is what the caller wants. */
    void remove(String id) {
        String operation = "remove " + id;
        gate.enter(EngineCall.REMOVE, operation);
        removeNow(id);
        gate.answer(EngineCall.REMOVE, operation);
    }

    /** Pulls the image from the registry. */
    void pull(String reference) {
        String operation = "pull " + reference;
        gate.enter(EngineCall.PULL, operation);
        FakeImage offered = registry.get(reference);
        if (offered == null) {
            throw new RuntimeFault(operation + " failed: manifest for " + reference + " not found: manifest unknown");
        }
        local.put(reference, offered);
        gate.answer(EngineCall.PULL, operation);
    }

    Optional<ImageInfo> image(String idOrReference) {
        gate.enter(EngineCall.IMAGE, "image " + idOrReference);
        return local.values().stream()
                .filter(i -> i.reference().equals(idOrReference) || i.id().equals(idOrReference))
                .findFirst().map(FakeImage::info);
    }

    String distribution(String reference) {
        String operation = "distribution " + reference;
        gate.enter(EngineCall.DISTRIBUTION, operation);
        return Optional.ofNullable(registry.get(reference)).flatMap(FakeImage::digest)
                .orElseThrow(() -> new RuntimeFault(operation + " failed: manifest unknown"));
    }

    /** Subscribes to the events of containers carrying {@code filter}; a refused subscription breaks at once. */
    Closeable events(Map<String, String> filter, RuntimeWatcher watcher) {
        RuntimeFault refused = gate.subscribe();
        synchronized (this) {
            return refused != null ? events.refuse(watcher, refused) : events.subscribe(filter, watcher);
        }
    }

    /** Breaks every event stream open now, as an engine restart or a dropped connection does. */
    void breakStreams(Throwable cause) {
        events.breakAll(cause);
    }

    synchronized String createNow(String name, FakeImage image, ContainerRequest request, String operation) {
        String holder = idsByName.get(name);
        if (holder != null) {
            throw new NameConflictException(operation + " failed: Conflict. The container name \"/" + name
                    + "\" is already in use by container \"" + holder + "\"", null);
        }
        FakeContainer c = new FakeContainer(name, image, request.labels(), request.volumes(), request.network(),
                request.hostIp(), Instant.now());
        containers.put(c.id, c);
        idsByName.put(name, c.id);
        events.emit(c, "create", Map.of());
        return c.id;
    }

    synchronized void startNow(FakeContainer c) {
        c.state = ContainerState.RUNNING;
        c.port = nextPort++;
        c.starts++;
        events.emit(c, "start", Map.of());
        c.image.exitsAtStart().ifPresent(code -> end(c, code));
    }

    /** Someone kills the container's process (SIGKILL): kill, then die with 137. */
    synchronized void kill(String id) {
        FakeContainer c = running(id);
        events.emit(c, "kill", Map.of("signal", "9"));
        end(c, 137);
    }

    /** The container's process ends by itself with {@code code}. */
    synchronized void exit(String id, int code) {
        end(running(id), code);
    }

    synchronized void removeNow(String id) {
        find(id).ifPresent(c -> {
            if (c.state.isUp()) {
                events.emit(c, "kill", Map.of("signal", "9"));
                end(c, 137);
            }
            containers.remove(c.id);
            idsByName.remove(c.name);
            events.emit(c, "destroy", Map.of());
        });
    }

    synchronized Optional<FakeContainer> find(String idOrName) {
        FakeContainer byId = containers.get(idOrName);
        return byId != null ? Optional.of(byId) : Optional.ofNullable(idsByName.get(idOrName)).map(containers::get);
    }

    Optional<FakeImage> localImage(String reference) {
        return Optional.ofNullable(local.get(reference));
    }

    @Override
    public void close() {
        events.close();
    }

    private void end(FakeContainer c, int code) {
        c.state = ContainerState.EXITED;
        c.exitCode = code;
        c.port = 0;
        events.emit(c, "die", Map.of("exitCode", Integer.toString(code)));
    }

    private FakeContainer running(String id) {
        return find(id).filter(c -> c.state.isUp())
                .orElseThrow(() -> new IllegalStateException("container " + id + " is not running"));
    }

    private static RuntimeFault noSuchContainer(String operation, String id) {
        return new RuntimeFault(operation + " failed: No such container: " + id);
    }
}
