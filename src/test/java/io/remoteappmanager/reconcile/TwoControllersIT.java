package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers on one realm and one directory (a mistake users make): the deterministic name makes the
 * engine refuse the second create, which counts as "done elsewhere", so no duplicate and no failure loop.
 */
class TwoControllersIT {

    @TempDir
    Path specs;

    @Test
    void twoControllersConvergeWithoutDuplicatesOrFailures() {
        try (TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("two"),
                "ram.specs.dir", specs.toString()));
                TestController first = new TestController(engine);
                TestController second = new TestController(engine)) {
            List<AppKey> keys = RealmContainers.writeApps(specs, "alice", HTTPD, 30);
            first.start();
            second.start();

            await().atMost(Duration.ofMinutes(3)).until(() -> RealmContainers.converged(engine, keys));
            for (TestController controller : List.of(first, second)) {
                controller.loop.trigger("test: look again");
                await().until(() -> keys.stream().allMatch(k -> controller.app(k).map(AppStatus::phase)
                        .orElse(null) == Phase.Running));
                assertThat(controller.status.current().all()).allSatisfy(s -> assertThat(s.lastError()).as(s.key().toString()).isEmpty());
            }
            assertThat(RealmContainers.byKey(engine).values()).hasSize(30).allSatisfy(cs -> assertThat(cs).hasSize(1));
        }
    }
}
