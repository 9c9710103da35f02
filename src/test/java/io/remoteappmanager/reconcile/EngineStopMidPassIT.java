package io.remoteappmanager.reconcile;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.PrivateEngine;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The engine stopping while a pass is creating 20 apps: once it is back, all converge, none twice, none recreated. */
@Isolated("stops the engine")
class EngineStopMidPassIT {

    @TempDir
    Path specs;

    @Test
    void anEngineStoppedMidPassLosesNothingAndDuplicatesNothing() throws Exception {
        PrivateEngine.assumeOwned();
        TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("midpass"),
                "ram.specs.dir", specs.toString()));
        try (TestController controller = new TestController(engine)) {
            List<AppKey> keys = RealmContainers.writeApps(specs, "alice", HTTPD, 20);
            controller.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> RealmContainers.byKey(engine).size() >= 3);
            PrivateEngine.stop();
            await().atMost(Duration.ofSeconds(60)).until(() -> !controller.status.current().engine().trusted());
            PrivateEngine.start();

            awaitConverged(engine, controller, keys);
            Map<AppKey, String> before = RealmContainers.ids(engine);
            PassResult further = controller.loop.requestPass("test: look again").get(30, TimeUnit.SECONDS);
            assertThat(further.outcomes()).as("a further pass has nothing to do").isEmpty();
            assertThat(RealmContainers.ids(engine)).isEqualTo(before);
        } finally {
            removeAfterTheRestart(engine);
        }
    }

    /** Waits for every key to run once; a timeout names each key that did not, with its containers and status. */
    private static void awaitConverged(TestEngine engine, TestController controller, List<AppKey> keys) {
        try {
            await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                    .until(() -> RealmContainers.converged(engine, keys));
        } catch (ConditionTimeoutException e) {
            Map<AppKey, List<RuntimeContainer>> all = RealmContainers.byKey(engine);
            String why = keys.stream().filter(k -> all.getOrDefault(k, List.of()).size() != 1
                    || !all.get(k).get(0).state().isUp())
                    .map(k -> k + ": " + all.getOrDefault(k, List.of()).stream()
                            .map(c -> c.id().substring(0, 12) + " " + c.state() + c.detail().map(d -> " (" + d + ")")
                                    .orElse(""))
                            .toList() + ", status " + controller.app(k).map(a -> a.phase() + ": " + a.message())
                                    .orElse("none"))
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new AssertionError("not converged 3 minutes after the engine came back: " + why, e);
        }
    }

    /**
     * Removes the realm's containers. An engine stopped while it was starting containers may no longer remove some of
     * them afterwards (they stay "Removal In Progress"): that is the engine's own state, not the controller's, so it
     * is recovered (stopped hard and started again) and the removal tried once more.
     */
    private static void removeAfterTheRestart(TestEngine engine) {
        try {
            engine.removeContainers();
        } catch (ConditionTimeoutException wedged) {
            PrivateEngine.recover();
        } finally {
            engine.close();
        }
    }
}
