package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.RuntimeEvent;
import io.remoteappmanager.runtime.RuntimeWatcher;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Security settings count in the spec hash, so tightening them reaches running apps; such a config-wide change rolls
 * out within the disruption budget ({@code ram.reconcile.max-disruptions}), never all apps at once.
 */
@Execution(ExecutionMode.CONCURRENT)
class DisruptionBudgetTest {

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

    /** Counts, from the engine's own events, how many apps had no container up at once: from a removal to the next start. */
    private static final class OutOfService implements Closeable {
        private final Set<String> down = new HashSet<>();
        private final AtomicInteger most = new AtomicInteger();
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private final Closeable stream;

        OutOfService(TestEngine engine) throws InterruptedException {
            stream = engine.runtime.watch(engine.labels.realmFilter(), new RuntimeWatcher() {
                @Override
                public void started() {
                    subscribed.countDown();
                }

                @Override
                public void event(RuntimeEvent event) {
                    String key = engine.labels.appKey(event.labels()).map(Object::toString).orElse(event.id());
                    synchronized (down) {
                        if (event.isDestroy()) {
                            down.add(key);
                        } else if (event.action().equals("start")) {
                            down.remove(key);
                        }
                        most.accumulateAndGet(down.size(), Math::max);
                    }
                }

                @Override
                public void broken(Throwable cause) {
                    most.set(Integer.MAX_VALUE); // fails the count: the stream lost events
                }
            });
            assertThat(subscribed.await(30, TimeUnit.SECONDS)).as("subscribed to the engine's events").isTrue();
        }

        int most() {
            return most.get();
        }

        @Override
        public void close() throws java.io.IOException {
            stream.close();
        }
    }
}
