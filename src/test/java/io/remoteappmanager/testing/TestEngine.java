package io.remoteappmanager.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.app.FromConfig;
import io.remoteappmanager.app.RemoteAppManager;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.docker.DockerRuntimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The real engine (DOCKER_HOST, started by scripts/engine.sh) wired to a fresh realm per test class, so test
 * classes never see each other's containers and can run side by side; {@link #close} removes them all.
 */
public final class TestEngine implements AutoCloseable {

    public static final String HTTPD = "ram-test/httpd:1";
    public static final String HTTPD_V2 = "ram-test/httpd:2";
    public static final String CRASH = "ram-test/crash:1";
    /** ram-test/httpd:1 with a HEALTHCHECK (every 500 ms) that fails once {@code /tmp/unhealthy} exists. */
    public static final String HEALTH = "ram-test/health:1";
    /**
     * ram-test/httpd:1 with the labels in which an image describes its app: title "Test Viewer", a description, kind
     * webapp, a 128x128 PNG icon and the settings X11_WIDTH and x11-height.
     */
    public static final String META = "ram-test/meta:1";

    static {
        TestLogging.toConsole();
        // Engine operations on a loaded 2-core machine can take seconds; a real hang still fails.
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
    }

    public final RamConfig config;
    public final LabelScheme labels;
    public final ContainerRuntime runtime;
    public final ContainerTemplate template;
    /** A client of its own, for tests that play the engine's part (kill, remove, inspect) beside the controller. */
    public final DockerClient docker;
    /** Library controllers and their jobs, closed in order. */
    private final List<AutoCloseable> libraries = new ArrayList<>();
    private final Map<String, String> settings;

    private TestEngine(Map<String, String> settings, RamConfig config, ContainerRuntime runtime) {
        this.settings = settings;
        this.config = config;
        this.labels = FromConfig.labels(config);
        this.docker = DockerRuntimes.client(FromConfig.engine(config));
        this.runtime = runtime;
        this.template = Templates.of(config, runtime.capabilities());
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
        return new TestEngine(settings, config, DockerRuntimes.connect(FromConfig.docker(config), metrics));
    }

    public static String uniqueRealm(String purpose) {
        return "t" + purpose + UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * Test configuration: the given settings over everything, and over the application defaults a 1 s stop timeout and
     * no leader election (tests run several controllers on one realm on purpose, each acting; the tests of leader
     * election turn it on).
     */
    public static RamConfig config(Map<String, String> settings) {
        // Never the JVM's system properties: a Quarkus test running meanwhile sets its profile's settings there.
        return StandaloneConfig.embedded(Map.of("ram.stop-timeout", "1s", "ram.leader-election.enabled", "false"),
                settings);
    }

    /**
     * The seed's ContainerManager on this engine and realm, over the given runtime (the real one, or a wrapper of it):
     * a library controller of its own, started on an empty spec directory, since the seed API acts through the plan.
     */
    public ContainerManager manager(ContainerRuntime over) {
        return library(over).manager();
    }

    /** A library controller on this engine and realm, started on an empty spec directory, over the given runtime. */
    public RemoteAppManager library(ContainerRuntime over) {
        Map<String, String> library = new HashMap<>(settings);
        try {
            library.put("ram.specs.dir", Files.createTempDirectory("ram-library-specs").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TimerJobs jobs = new TimerJobs();
        RemoteAppManager started = RemoteAppManager.assemble(config(library), over, new SimpleMeterRegistry(), jobs)
                .start();
        libraries.add(started);
        libraries.add(jobs);
        return started;
    }

    public ContainerManager manager() {
        return manager(runtime);
    }

    private static void closeQuietly(AutoCloseable library) {
        try {
            library.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a library controller failed", e);
        }
    }

    /**
     * Runs {@code command} in the container, as {@code docker exec} does, waits until it has finished, and fails
     * unless it exited 0: a test that goes on after a command that did nothing would wait for an effect in vain.
     */
    public void exec(String containerId, String... command) {
        String exec = docker.execCreateCmd(containerId).withCmd(command).exec().getId();
        try {
            if (!docker.execStartCmd(exec).exec(new ResultCallback.Adapter<>()).awaitCompletion(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("exec " + List.of(command) + " in " + containerId + " did not end in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // the engine may close the output stream a moment before it records the exit code
        Long exitCode = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> docker.inspectExecCmd(exec).exec(), inspect -> !Boolean.TRUE.equals(inspect.isRunning())
                        && inspect.getExitCodeLong() != null).getExitCodeLong();
        if (exitCode != 0) {
            throw new IllegalStateException("exec " + List.of(command) + " in " + containerId + " exited " + exitCode);
        }
    }

    /**
     * Removes every container of this realm, trying again for a while: right after an engine restart the
     * engine can refuse a removal for a moment ("failed to remove root filesystem: device or resource busy").
     */
    public void removeContainers() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            runtime.list(labels.realmFilter()).parallelStream().filter(c -> c.state() != ContainerState.REMOVING)
                    .forEach(c -> docker.removeContainerCmd(c.id()).withForce(true).exec());
            // A container the engine itself is removing is gone for every test: an engine stopped while it started
            // containers can leave some "Removal In Progress" for good, even across its restarts.
            return runtime.list(labels.realmFilter()).stream().allMatch(c -> c.state() == ContainerState.REMOVING);
        });
    }

    /** Removes every container of this realm and closes the engine handles. */
    @Override
    public void close() {
        libraries.forEach(TestEngine::closeQuietly);
        try {
            removeContainers();
        } finally {
            disconnect();
        }
    }

    /** Closes the handle and removes nothing: every call made through it from now on fails. */
    public void disconnect() {
        runtime.close();
        try {
            docker.close();
        } catch (IOException ignored) {
            // the handle is unusable either way
        }
    }
}
