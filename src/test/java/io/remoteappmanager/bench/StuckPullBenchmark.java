package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SilentServer;
import io.remoteappmanager.testing.TestController;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Scenario "stuck-pull": while one app's pull hangs on a registry that accepts the connection and never answers
 * ({@code imagePullPolicy: Always}, well inside {@code ram.docker.pull-timeout}), another user's new app goes from
 * its spec file to running, beside the engine's own create+start of such a container: a stuck call must hold its
 * own key only.
 */
final class StuckPullBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The app whose pull hangs; the measured apps are 0 .. tries - 1. */
    private static final int STUCK = 90_000;

    private final Results results;

    StuckPullBenchmark(Results results) {
        this.results = results;
    }

    void run(int tries) {
        String scenario = "stuck-pull";
        try (BenchRealm realm = new BenchRealm("stuck")) {
            Stats engine = LatencyBenchmark.engineCreateStart(realm, tries);
            results.add(scenario, "engine: create+start one container, median", engine.median(), "ms");

            try (TestController controller = new TestController(realm.engine).start();
                    RealmEvents starts = new RealmEvents(realm.observer);
                    SilentServer registry = SilentServer.start()) {
                Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> controller.loop.lastPassEndedAt().isPresent());
                realm.writeApp(STUCK, registry.address() + "/ram-test/stuck:1", List.of("imagePullPolicy: Always"));
                Awaitility.await().atMost(TIMEOUT).until(() -> registry.connections() > 0);

                Stats other = new Stats();
                for (int i = 0; i < tries; i++) {
                    starts.clear();
                    long start = System.nanoTime();
                    realm.writeApp(i);
                    other.addNanos(starts.awaitStart(BenchSpecs.key(i), TIMEOUT) - start);
                    requirePulling(controller, realm.engine.config.docker().pullTimeout());
                }
                double median = other.median() - engine.median();
                double p95 = other.percentile(95) - engine.median();
                results.add(scenario, "other app beyond engine create+start, median", median, "ms", "<= 2000",
                        median <= 2000 ? "met" : "MISSED");
                results.add(scenario, "other app beyond engine create+start, p95", p95, "ms");
            }
        }
    }

    /** Fails the scenario unless the stuck app is still waiting on its pull: otherwise nothing hung while it measured. */
    private static void requirePulling(TestController controller, Duration pullTimeout) {
        AppKey stuck = BenchSpecs.key(STUCK);
        Phase phase = controller.app(stuck).map(AppStatus::phase).orElse(null);
        if (phase != Phase.Pending) {
            throw new IllegalStateException(stuck + " is " + phase + ", not Pending on its pull (ram.docker.pull-timeout "
                    + pullTimeout + "): the measurement did not run beside a stuck pull");
        }
    }
}
