package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Service;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** State lives in the services' labels: a restarted controller adopts them all, and two controllers make no duplicate. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmAdoptionIT {

    private static final int APPS = 4;
    private static final List<AppKey> KEYS = IntStream.range(0, APPS).mapToObj(i -> new AppKey("user" + i, "web")).toList();

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private SwarmRealm realm;

    @Test
    void aRestartedControllerAdoptsEveryServiceAndRecreatesNothing() {
        realm = realms.create("sadopt", Map.of());
        writeApps();
        Map<String, Long> before;
        try (TestController first = realm.controller()) {
            awaitAllRunning(first);
            before = versions();
        }

        try (TestController second = realm.controller()) {
            Map<AppKey, AppStatus> adopted = awaitAllRunning(second);

            assertThat(adopted.values()).allSatisfy(app -> assertThat(app.lastAction()).as("nothing done to it").isEmpty());
            assertThat(versions()).as("every service as it was").isEqualTo(before);
        }
    }

    @Test
    void twoControllersStartingTogetherMakeOneServicePerApp() throws Exception {
        realm = realms.create("stwo", Map.of());
        writeApps();
        try (TestController one = realm.controller(); TestController two = realm.controller()) {
            awaitAllRunning(one);
            awaitAllRunning(two);
            one.pass("test: look again");
            two.pass("test: look again");

            List<Service> services = realm.services();
            assertThat(services).hasSize(APPS);
            LabelScheme labels = realm.labels;
            assertThat(services.stream().map(s -> labels.appKey(s.getSpec().getLabels()).orElseThrow()))
                    .containsExactlyInAnyOrderElementsOf(KEYS);
        }
    }

    private void writeApps() {
        KEYS.forEach(key -> realm.writeApp(key.user() + "-web", key.user(), realms.swarm().httpd, "mappingId: web"));
    }

    private static Map<AppKey, AppStatus> awaitAllRunning(TestController controller) {
        return await().atMost(SwarmRealm.CONVERGE).until(() -> {
            Map<AppKey, AppStatus> all = new HashMap<>();
            KEYS.forEach(key -> controller.app(key).filter(s -> s.phase() == Phase.Running).ifPresent(s -> all.put(key, s)));
            return all;
        }, all -> all.size() == APPS);
    }

    private Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        realm.services().forEach(s -> versions.put(s.getId(), s.getVersion().getIndex()));
        return versions;
    }
}
