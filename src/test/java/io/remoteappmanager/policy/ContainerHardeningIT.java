package io.remoteappmanager.policy;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** A created container, inspected on the engine: unprivileged, capabilities dropped, limited, published on loopback only. */
@Execution(ExecutionMode.CONCURRENT)
class ContainerHardeningIT {

    @TempDir
    Path specs;

    @Test
    void containersRunUnprivilegedWithLimitsAndLoopbackPortsOnly() {
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("hard"),
                "ram.specs.dir", specs.toString(), "ram.docker.cap-add", "CHOWN,KILL"));
                TestController controller = new TestController(engine).start()) {
            SpecFiles.write(specs, "a.yaml", SpecFiles.app("defaults", "alice", HTTPD)
                    + "---\n" + SpecFiles.app("sized", "bob", HTTPD, "resources: {memory: 256m, cpus: 0.5, pids: 100}"));
            List<AppKey> keys = List.of(new AppKey("alice", "defaults"), new AppKey("bob", "sized"));
            await().until(() -> RealmContainers.converged(engine, keys));
            Map<AppKey, String> ids = RealmContainers.ids(engine);

            assertHardened(engine.docker.inspectContainerCmd(ids.get(keys.get(0))).exec(), 512L << 20, 1_000_000_000L, 512L);
            assertHardened(engine.docker.inspectContainerCmd(ids.get(keys.get(1))).exec(), 256L << 20, 500_000_000L, 100L);
        }
    }

    private static void assertHardened(InspectContainerResponse container, long memory, long nanoCpus, long pids) {
        HostConfig host = container.getHostConfig();
        assertThat(host.getPrivileged()).as("privileged").isNotEqualTo(Boolean.TRUE);
        assertThat(Arrays.stream(host.getCapDrop()).map(Object::toString)).containsExactly("ALL");
        assertThat(Arrays.stream(host.getCapAdd()).map(Object::toString)).containsExactlyInAnyOrder("CHOWN", "KILL");
        assertThat(host.getSecurityOpts()).contains("no-new-privileges");
        assertThat(host.getMemory()).isEqualTo(memory);
        assertThat(host.getNanoCPUs()).isEqualTo(nanoCpus);
        assertThat(host.getPidsLimit()).isEqualTo(pids);
        assertThat(host.getBinds()).as("no host volume").isNullOrEmpty();
        Map<?, Ports.Binding[]> bindings = host.getPortBindings().getBindings();
        assertThat(bindings).isNotEmpty();
        bindings.values().forEach(list -> assertThat(list).allSatisfy(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1")));
        Map<?, Ports.Binding[]> published = container.getNetworkSettings().getPorts().getBindings();
        published.values().stream().filter(list -> list != null).forEach(list ->
                assertThat(list).allSatisfy(b -> assertThat(b.getHostIp()).isEqualTo("127.0.0.1")));
    }
}
