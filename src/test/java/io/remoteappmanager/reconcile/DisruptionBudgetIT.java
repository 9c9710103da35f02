package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.OutOfService;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Security settings count in the spec hash, so tightening them reaches running apps; such a config-wide change rolls
 * out within the disruption budget ({@code ram.reconcile.max-disruptions}), never all apps at once.
 */
@Execution(ExecutionMode.CONCURRENT)
class DisruptionBudgetIT {

    static final int APPS = 6;

    @TempDir
    Path specs;

    @Test
    void aTightenedCapabilityListRecreatesEveryAppOneAtATime() throws Exception {
        String realm = TestEngine.uniqueRealm("budget");
        Map<String, String> before = Map.of("ram.realm", realm, "ram.specs.dir", specs.toString());
        List<AppKey> keys = RealmContainers.writeApps(specs, "alice", HTTPD, APPS);
        try (TestEngine engine = TestEngine.withConfig(before)) {
            Map<AppKey, String> old;
            try (TestController first = new TestController(engine).start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> keys.stream().allMatch(k -> running(first, k)));
                old = RealmContainers.ids(engine);
            }
            Map<String, String> tightened = new HashMap<>(before);
            tightened.put("ram.docker.cap-add", "CHOWN,KILL");
            try (TestEngine stricter = TestEngine.withConfig(tightened); OutOfService down = new OutOfService(stricter);
                    TestController second = new TestController(stricter).start()) {
                await().atMost(Duration.ofSeconds(120)).until(() -> keys.stream().allMatch(k -> running(second, k)
                        && !second.app(k).flatMap(AppStatus::containerId).orElse("").equals(old.get(k))));

                assertThat(down.most()).as("apps out of service at once (10% of 6 apps, at least one)").isEqualTo(1);
                assertThat(RealmContainers.converged(stricter, keys)).isTrue();
            }
        }
    }

    private static boolean running(TestController controller, AppKey key) {
        return controller.app(key).filter(s -> s.phase() == Phase.Running && s.ready()).isPresent();
    }
}
