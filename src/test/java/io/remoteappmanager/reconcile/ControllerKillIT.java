package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.testing.ControllerProcess;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the controller while it converges 50 apps, then a new controller: it adopts what runs
 * (state lives in labels), so the end state is converged with no duplicate and no running container recreated.
 */
class ControllerKillIT {

    static final int APPS = 50;

    @TempDir
    Path specs;

    @Test
    void aKilledControllerIsReplacedWithoutDuplicatesOrRecreates() throws Exception {
        String realm = TestEngine.uniqueRealm("kill");
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", realm, "ram.specs.dir", specs.toString()))) {
            List<AppKey> keys = RealmContainers.writeApps(specs, "alice", HTTPD, APPS);
            Process first = ControllerProcess.launch(realm, specs);
            try {
                await().atMost(Duration.ofMinutes(2)).until(() -> running(engine).size() >= 10);
            } finally {
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Map<AppKey, String> runningAtKill = running(engine);
            assertThat(runningAtKill.size()).as("killed mid-way").isLessThan(APPS);

            try (TestController second = new TestController(engine).start()) {
                await().atMost(Duration.ofMinutes(3)).until(() -> RealmContainers.converged(engine, keys));
                Map<AppKey, String> ids = RealmContainers.ids(engine);
                runningAtKill.forEach((key, id) -> assertThat(ids.get(key)).as("%s was running: not recreated", key).isEqualTo(id));
            }
        }
    }

    private static Map<AppKey, String> running(TestEngine engine) {
        return RealmContainers.byKey(engine).entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(c -> c.state() == ContainerState.RUNNING))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stream()
                        .filter(c -> c.state() == ContainerState.RUNNING).findFirst().orElseThrow().id()));
    }
}
