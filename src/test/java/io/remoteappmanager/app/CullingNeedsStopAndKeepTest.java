package io.remoteappmanager.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.runtime.docker.DockerRuntime;
import io.remoteappmanager.runtime.swarm.SwarmRuntime;
import io.remoteappmanager.testing.LogCapture;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle culling is wired only on a runtime that can stop an app and keep it, as its capabilities say, so no stop is
 * ever planned for one that cannot; the configured runtime kind is not asked.
 */
class CullingNeedsStopAndKeepTest {

    /** Culling asked for, with the proxy that tells who is idle, and the runtime kind left at its default (docker). */
    private static final Map<String, String> CULLING = Map.of("ram.cull.idle-timeout", "30m",
            "ram.proxy.api-url", "http://127.0.0.1:9", "ram.proxy.api-token", "t");

    @TempDir
    Path specs;

    @Test
    void aRuntimeThatCannotStopAndKeepGetsNoCullingAndAWarning() {
        assertThat(warnings(SwarmRuntime.CAPABILITIES))
                .anyMatch(line -> line.contains("ram.cull.idle-timeout is set")
                        && line.contains("cannot stop an app and keep it"));
    }

    @Test
    void aRuntimeThatCanStopAndKeepIsCulledWithoutAWarning() {
        assertThat(warnings(DockerRuntime.CAPABILITIES)).noneMatch(line -> line.contains("ram.cull.idle-timeout"));
    }

    private List<String> warnings(RuntimeCapabilities capabilities) {
        RamConfig config = StandaloneConfig.load(Map.of(), CULLING);
        try (LogCapture log = LogCapture.of(RemoteAppManager.class.getName());
                TimerJobs jobs = new TimerJobs();
                RemoteAppManager app = RemoteAppManager.assemble(config, runtime(capabilities),
                        SpecSources.oneOff(specs, config), new SimpleMeterRegistry(), jobs)) {
            return log.lines();
        }
    }

    /** A runtime that only says what it can do; assembling asks it nothing else. */
    private static ContainerRuntime runtime(RuntimeCapabilities capabilities) {
        return (ContainerRuntime) Proxy.newProxyInstance(ContainerRuntime.class.getClassLoader(),
                new Class<?>[] {ContainerRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "capabilities" -> capabilities;
                    case "close" -> null;
                    default -> throw new AssertionError("assembling called " + method.getName());
                });
    }
}
