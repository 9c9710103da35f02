package io.remoteappmanager.testing;

import io.remoteappmanager.app.FromConfig;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Service;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.app.Runtimes;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A realm of the test swarm's own for one test: the controller's settings in swarm mode (the manager, a fresh realm,
 * a spec directory, fast stops and restarts, a fast task poll), a runtime built as the application builds it
 * ({@link Runtimes}), and {@link #close} removing every service of the realm. Test classes with realms of their own
 * never see each other's services and may run side by side.
 */
public final class SwarmRealm implements AutoCloseable {

    /** How long a test waits for a swarm to converge on this loaded 2-core machine. */
    public static final Duration CONVERGE = Duration.ofSeconds(90);

    public final TestSwarm swarm;
    public final RamConfig config;
    public final LabelScheme labels;
    /** Where the runtime counts its Docker API calls ({@code ram.docker.api.calls}). */
    public final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    public final ContainerRuntime runtime;
    public final Path specs;
    /** The settings {@link #config} was made of, for a controller process of its own ({@link ControllerProcess}). */
    public final Map<String, String> settings;

    private SwarmRealm(TestSwarm swarm, Map<String, String> settings, Path specs) {
        this.swarm = swarm;
        this.settings = Map.copyOf(settings);
        this.config = TestEngine.config(settings);
        this.labels = FromConfig.labels(config);
        this.runtime = Runtimes.connect(config, metrics);
        this.specs = specs;
    }

    /** A fresh realm named after {@code purpose}, with {@code settings} over the swarm test defaults. */
    public static SwarmRealm create(TestSwarm swarm, String purpose, Map<String, String> settings) {
        try {
            Path specs = Files.createTempDirectory("ram-swarm-specs-");
            Map<String, String> all = new HashMap<>();
            all.put("ram.runtime", "swarm");
            all.put("ram.docker.host", swarm.manager);
            all.put("ram.realm", TestEngine.uniqueRealm(purpose));
            all.put("ram.specs.dir", specs.toString());
            all.put("ram.swarm.task-poll", "500ms");
            // The test swarm runs dockerd 20.10 (API 1.41), which cannot set no-new-privileges on services.
            all.put("ram.swarm.require-no-new-privileges", "false");
            all.put("ram.reconcile.initial-backoff", "1s");
            all.put("ram.reconcile.interval", "5s");
            all.put("ram.docker.default-memory", "32m");
            all.put("ram.docker.default-cpus", "0.1");
            all.putAll(settings);
            return new SwarmRealm(swarm, all, specs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A controller on this realm, assembled as the application assembles it; started. */
    public TestController controller() {
        return new TestController(config, runtime).start();
    }

    /** This realm's services, straight from the manager. */
    public List<Service> services() {
        return swarm.docker.listServicesCmd().withLabelFilter(labels.realmFilter()).exec();
    }

    /** The name of the service that holds the realm's leader lease. */
    public String leaseName() {
        return config.realm() + "_lease";
    }

    /** Writes one app's spec file {@code <name>.yaml}, with {@code extra} lines under {@code spec:}. */
    public void writeApp(String name, String user, String image, String... extra) {
        SpecFiles.write(specs, name + ".yaml", SpecFiles.app(name, user, image, extra));
    }

    /** Removes every service of the realm and its spec directory; waits until the manager lists none. */
    @Override
    public void close() {
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                services().forEach(s -> swarm.docker.removeServiceCmd(s.getId()).exec());
                swarm.docker.listServicesCmd().withNameFilter(List.of(leaseName())).exec()
                        .forEach(s -> swarm.docker.removeServiceCmd(s.getId()).exec());
                return services().isEmpty();
            });
        } finally {
            runtime.close();
            try (var files = Files.walk(specs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
