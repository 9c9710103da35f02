package io.remoteappmanager.testing;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.manager.ContainerTemplate;
import io.remoteappmanager.manager.ImagePuller;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.docker.DockerTestAccess;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The real engine (DOCKER_HOST, started by scripts/engine.sh) wired to a fresh realm per test class, so
 * test classes never see each other's containers and can run side by side; {@link #close} removes them all.
 */
public final class TestEngine implements AutoCloseable {

    public static final String HTTPD = "ram-test/httpd:1";
    public static final String HTTPD_V2 = "ram-test/httpd:2";
    public static final String CRASH = "ram-test/crash:1";

    static {
        TestLogging.toConsole();
        // Engine operations on a loaded 2-core machine can take seconds; a real hang still fails.
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    }

    public final RamConfig config;
    public final LabelScheme labels;
    public final ContainerRuntime runtime;
    public final ContainerTemplate template;
    public final DockerClient docker;

    private TestEngine(RamConfig config, DockerClient docker, ContainerRuntime runtime) {
        this.config = config;
        this.labels = new LabelScheme(config);
        this.docker = docker;
        this.runtime = runtime;
        this.template = new ContainerTemplate(config, labels);
    }

    /** An engine handle with a realm no other test uses, and fast stops. */
    public static TestEngine withFreshRealm(String purpose) {
        return withConfig(Map.of("ram.realm", uniqueRealm(purpose)));
    }

    /** An engine handle with extra {@code ram.*} settings over the fast-stop test defaults. */
    public static TestEngine withConfig(Map<String, String> settings) {
        return withConfig(settings, new SimpleMeterRegistry());
    }

    /** As {@link #withConfig(Map)}, counting the runtime's Docker API calls ({@code ram.docker.api.calls}) on {@code metrics}. */
    public static TestEngine withConfig(Map<String, String> settings, MeterRegistry metrics) {
        RamConfig config = config(settings);
        DockerClient docker = DockerTestAccess.client(config);
        return new TestEngine(config, docker, DockerTestAccess.runtime(docker, metrics, config));
    }

    public static String uniqueRealm(String purpose) {
        return "t" + purpose + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Test configuration: the given settings over everything, and a 1 s stop timeout over the application defaults. */
    public static RamConfig config(Map<String, String> settings) {
        // The test's own settings override everything: a Quarkus test profile leaves JVM-wide system properties.
        return StandaloneConfig.load(Map.of("ram.stop-timeout", "1s"), settings);
    }

    /** A ContainerManager on this engine and realm, over the given runtime (the real one, or a wrapper of it). */
    public ContainerManager manager(ContainerRuntime over) {
        return new ContainerManager(over, template, new ImagePuller(over), labels, config);
    }

    public ContainerManager manager() {
        return manager(runtime);
    }

    /**
     * Removes every container of this realm, trying again for a while: right after an engine restart the
     * engine can refuse a removal for a moment ("failed to remove root filesystem: device or resource busy").
     */
    @Override
    public void close() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            runtime.list(labels.realmFilter()).forEach(c -> runtime.remove(c.id()));
            return runtime.list(labels.realmFilter()).isEmpty();
        });
    }
}
