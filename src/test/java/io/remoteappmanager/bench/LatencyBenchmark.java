package io.remoteappmanager.bench;

import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.testing.TestController;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Scenario 3: one spec file written until its container runs, and {@code docker kill} until the app runs
 * again (one app per try, so no try meets another's back-off), beside the engine's own create+start.
 * "Running" is the engine's own start event for the app, so the measurement does not poll the engine.
 */
final class LatencyBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private final Results results;

    LatencyBenchmark(Results results) {
        this.results = results;
    }

    void run(int tries) {
        String scenario = "latency";
        try (BenchRealm realm = new BenchRealm("lat")) {
            Stats engine = engineCreateStart(realm, tries);
            results.add(scenario, "engine: create+start one container, median", engine.median(), "ms");
            results.add(scenario, "engine: create+start one container, p95", engine.percentile(95), "ms");

            try (TestController controller = new TestController(realm.engine).start();
                    RealmEvents starts = new RealmEvents(realm.observer)) {
                Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> controller.loop.lastPassEndedAt().isPresent());
                Stats file = new Stats();
                for (int i = 0; i < tries; i++) {
                    starts.clear();
                    long start = System.nanoTime();
                    realm.writeApp(i);
                    file.addNanos(starts.awaitStart(BenchSpecs.key(i), TIMEOUT) - start);
                }
                results.add(scenario, "file written -> running, median", file.median(), "ms");
                results.add(scenario, "file written -> running, p95", file.percentile(95), "ms");
                double beyond = file.median() - engine.median();
                results.add(scenario, "file -> running beyond engine create+start (median)", beyond, "ms", "< 200",
                        beyond < 200 ? "met" : "MISSED");

                Stats kill = new Stats();
                for (int i = 0; i < tries; i++) {
                    String victim = realm.observer.runtime.list(realm.observer.labels.appFilter(BenchSpecs.key(i))).get(0).id();
                    starts.clear();
                    long start = System.nanoTime();
                    realm.observer.docker.killContainerCmd(victim).exec();
                    kill.addNanos(starts.awaitStart(BenchSpecs.key(i), TIMEOUT) - start);
                }
                results.add(scenario, "docker kill -> running again, median", kill.median(), "ms", "< 1000",
                        kill.median() < 1000 ? "met" : "MISSED");
                results.add(scenario, "docker kill -> running again, p95", kill.percentile(95), "ms", "< 1000",
                        kill.percentile(95) < 1000 ? "met" : "MISSED");
            }
        }
    }

    /** The engine's own create+start, one container at a time, through the runtime (no controller). */
    static Stats engineCreateStart(BenchRealm realm, int tries) {
        for (int i = 0; i < tries; i++) {
            realm.writeApp(10_000 + i);
        }
        List<ContainerRequest> requests = realm.requests();
        for (int i = 0; i < tries; i++) {
            realm.deleteApp(10_000 + i);
        }
        Stats stats = new Stats();
        for (ContainerRequest request : requests) {
            long start = System.nanoTime();
            realm.limit().createStart(request).run();
            stats.addNanos(System.nanoTime() - start);
        }
        realm.removeContainers();
        return stats;
    }
}
