package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.app.FromConfig;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.OutOfService;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.EngineCall;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A config-wide change that touches every app's spec hash rolls out within the disruption budget
 * ({@code ram.reconcile.max-disruptions}), never all apps at once: the controller's side of it, on the in-memory
 * engine with a pace, so that recreations the budget let through at once would overlap ({@link DisruptionBudgetIT}
 * does the same against dockerd).
 */
@Execution(ExecutionMode.CONCURRENT)
class DisruptionBudgetTest {

    static final int APPS = 6;

    @TempDir
    Path specs;

    @Test
    void aTightenedCapabilityListRecreatesEveryAppOneAtATime() throws Exception {
        Map<String, String> before = Map.of("ram.realm", "fake", "ram.specs.dir", specs.toString(),
                "ram.readiness.enabled", "false");
        List<AppKey> keys = RealmContainers.writeApps(specs, "alice", HTTPD, APPS);
        RamConfig loose = TestEngine.config(before);
        try (FakeEngine engine = new FakeEngine(loose).withImages(HTTPD)) {
            Map<AppKey, Optional<String>> old = new HashMap<>();
            try (TestController first = new TestController(loose, engine).start()) {
                await().until(() -> keys.stream().allMatch(k -> running(first, k)));
                keys.forEach(k -> old.put(k, containerId(first, k)));
            }
            Map<String, String> tightened = new HashMap<>(before);
            tightened.put("ram.docker.cap-add", "CHOWN,KILL");
            RamConfig stricter = TestEngine.config(tightened);
            engine.paced(Duration.ofMillis(20), 8);
            try (OutOfService down = new OutOfService(engine, FromConfig.labels(stricter));
                    TestController second = new TestController(stricter, engine).start()) {
                await().until(() -> keys.stream().allMatch(k -> running(second, k)
                        && !containerId(second, k).equals(old.get(k))));

                assertThat(down.most()).as("apps out of service at once (10% of 6 apps, at least one)").isEqualTo(1);
                assertThat(engine.calls(EngineCall.CREATE)).as("each app created, then recreated once")
                        .isEqualTo(2 * APPS);
            }
        }
    }

    private static boolean running(TestController controller, AppKey key) {
        return controller.app(key).filter(s -> s.phase() == Phase.Running).isPresent();
    }

    private static Optional<String> containerId(TestController controller, AppKey key) {
        return controller.app(key).flatMap(AppStatus::containerId);
    }
}
