package io.remoteappmanager.bench;

import com.github.dockerjava.api.model.Network;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.docker.NetworkPlacement;
import io.remoteappmanager.source.directory.SpecDirectory;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/**
 * One scenario's world: a fresh realm and spec directory, the engine handle the controller uses (its
 * Docker API calls counted on {@link #metrics}) and a second handle on the same realm for the benchmark's
 * own polling, so polling never shows up in the controller's call count. {@link #close} removes it all,
 * whatever the size and also after a failure, within {@link BenchDeadline}.
 */
final class BenchRealm implements AutoCloseable {

    /** Every benchmark realm's name starts so ({@link Leftovers} finds them by it). */
    static final String PREFIX = "tbench";
    private static final Set<BenchRealm> OPEN = ConcurrentHashMap.newKeySet();

    private final BenchSpecs files;
    private final Map<String, String> settings = new HashMap<>();
    final Path specs;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final TestEngine engine;
    final TestEngine observer;

    BenchRealm(String purpose) {
        this(purpose, realm -> Map.of());
    }

    /** A realm whose controller also gets {@code extra} settings, made from the realm's name. */
    private BenchRealm(String purpose, Function<String, Map<String, String>> extra) {
        files = new BenchSpecs(purpose);
        specs = files.dir;
        String realm = PREFIX + purpose + UUID.randomUUID().toString().substring(0, 6);
        settings.putAll(extra.apply(realm));
        settings.put("ram.realm", realm);
        settings.put("ram.specs.dir", specs.toString());
        engine = TestEngine.withConfig(settings, metrics);
        observer = TestEngine.withConfig(settings, new SimpleMeterRegistry());
        OPEN.add(this);
    }

    /**
     * Cuts every open realm's controller off the engine (its handle closed), so that a controller still running when
     * the benchmark is stopped creates nothing after the sweep at exit; the benchmark's own handles keep working.
     */
    static void disconnectControllers() {
        OPEN.forEach(realm -> realm.engine.disconnect());
    }

    /**
     * A realm whose apps go on {@code count} bridge networks of its own ({@code <realm>-net0}, ...), made now, at most
     * {@code perNetwork} each: so what it measures does not depend on how full the engine's default bridge is.
     */
    static BenchRealm onNetworks(String purpose, int count, int perNetwork) {
        BenchRealm realm = new BenchRealm(purpose, name -> Map.of(
                "ram.docker.networks", String.join(",", IntStream.range(0, count).mapToObj(i -> name + "-net" + i).toList()),
                "ram.docker.max-apps-per-network", String.valueOf(perNetwork)));
        try {
            realm.placement().networks().forEach(realm::createNetwork);
            return realm;
        } catch (RuntimeException e) {
            realm.close();
            throw e;
        }
    }

    String realm() {
        return engine.labels.realm();
    }

    /** The controller's settings as environment variables, for a packaged controller on this realm. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        settings.forEach((key, value) -> environment.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }

    /** The controller's rule for placing the realm's containers on its networks. */
    NetworkPlacement placement() {
        return new NetworkPlacement(engine.config.docker().networks(), engine.config.docker().maxAppsPerNetwork());
    }

    /** The spec file of app {@code i}; {@code extra} lines go under {@code spec:}. */
    void writeApp(int i, String... extra) {
        files.write(i, extra);
    }

    /** The spec file of app {@code i} running {@code image}; {@code extra} lines go under {@code spec:}. */
    void writeApp(int i, String image, List<String> extra) {
        files.writeImage(i, image, extra.toArray(String[]::new));
    }

    void deleteApp(int i) {
        files.delete(i);
    }

    /** What the spec directory asks for now: key to spec_hash. */
    Map<AppKey, String> expected() {
        Map<AppKey, String> hashes = new HashMap<>();
        new SpecDirectory(specs).read().apps().forEach((key, spec) -> hashes.put(key, engine.template.specHash(spec)));
        return hashes;
    }

    /** The exact create requests the controller would send for the current specs (fresh url ids). */
    List<ContainerRequest> requests() {
        return new SpecDirectory(specs).read().apps().values().stream()
                .map(spec -> engine.template.request(spec, Actuator.newUrlId()))
                .toList();
    }

    /**
     * {@link #requests}, each on the network the controller's rule gives it as the realm's networks fill (they hold
     * nothing else).
     */
    List<ContainerRequest> placedRequests() {
        NetworkPlacement rule = placement();
        Map<String, Integer> held = new HashMap<>();
        String label = engine.labels.key(LabelScheme.NETWORK);
        List<ContainerRequest> placed = new ArrayList<>();
        for (ContainerRequest request : requests()) {
            String network = rule.choose(request.name(), request.network(), nw -> held.getOrDefault(nw, 0))
                    .orElseThrow(() -> new IllegalStateException("no room for " + request.name() + " on " + held));
            held.merge(network, 1, Integer::sum);
            placed.add(request.placedOn(network, label));
        }
        return placed;
    }

    List<AppSpec> apps() {
        return List.copyOf(new SpecDirectory(specs).read().apps().values());
    }

    /** Running containers of the realm: key to spec_hash (one list call). */
    Map<AppKey, String> running() {
        return running(observer.runtime.list(observer.labels.realmFilter()));
    }

    private Map<AppKey, String> running(List<RuntimeContainer> containers) {
        Map<AppKey, String> running = new HashMap<>();
        for (RuntimeContainer c : containers) {
            if (c.isRunning()) {
                observer.labels.appKey(c.labels()).ifPresent(key ->
                        running.put(key, observer.labels.get(c.labels(), LabelScheme.SPEC_HASH).orElse("")));
            }
        }
        return running;
    }

    /**
     * Waits until exactly the expected apps run with their expected hashes and nothing else is in the
     * realm, checking once a second, and returns when the last start or removal that got it there arrived.
     */
    long awaitConverged(Map<AppKey, String> expected, RealmEvents events) {
        Awaitility.await().atMost(BenchDeadline.forContainers(2 * expected.size())).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO)
                .until(() -> {
                    List<RuntimeContainer> all = observer.runtime.list(observer.labels.realmFilter());
                    return all.size() == expected.size() && running(all).equals(expected);
                });
        return events.lastChangeNanos();
    }

    /**
     * Docker API calls the controller's engine handle has made so far, but for the heartbeat's pings, which run on a
     * timer of their own (one every 5 s) and are no part of any pass.
     */
    double apiCalls() {
        return metrics.find("ram.docker.api.calls").counters().stream()
                .filter(c -> !"ping".equals(c.getId().getTag("operation")))
                .mapToDouble(Counter::count).sum();
    }

    /** The engine-limit driver on the benchmark's own handle, with the controller's parallelism. */
    EngineLimit limit() {
        return new EngineLimit(observer.docker, engine.config.reconcile().parallelism(), engine.config.stopTimeout());
    }

    /** Removes every container of the realm (untimed set-up between measurements). */
    void removeContainers() {
        EngineSweep.removeAll("realm " + realm(), observer.runtime,
                () -> observer.runtime.list(observer.labels.realmFilter()).stream().map(RuntimeContainer::id).toList());
    }

    /** Creates {@code name}, labelled as this realm's, as the controller creates a missing network. */
    private void createNetwork(String name) {
        observer.docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                .withLabels(observer.labels.realmFilter()).exec();
    }

    /** Removes the networks named after the realm (its containers must be gone). */
    void removeNetworks() {
        for (Network network : observer.docker.listNetworksCmd().exec()) {
            if (network.getName().startsWith(realm())) {
                EngineSweep.removeNetwork(observer.docker, network);
            }
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            removeContainers();
            removeNetworks();
        } finally {
            files.close();
        }
    }
}
