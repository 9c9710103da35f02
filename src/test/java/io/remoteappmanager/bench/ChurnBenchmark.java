package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.testing.TestController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Scenario 4: N apps running, then N/4 edits, N/4 deletes and N/4 new files at once, until converged;
 * beside it the engine's limit for the same operations (recreate, stop+remove, create+start), in alternating
 * rounds with the controller ({@link PairedRounds}).
 */
final class ChurnBenchmark {

    private final Results results;
    private final int rounds;

    ChurnBenchmark(Results results, int rounds) {
        this.results = results;
        this.rounds = rounds;
    }

    void run(int n) {
        String scenario = "churn-" + n;
        int quarter = n / 4;
        try (BenchRealm realm = new BenchRealm("churn")) {
            writeBefore(realm, n, quarter);
            List<ContainerRequest> before = realm.requests();
            applyChurn(realm, n, quarter);
            Map<AppKey, ContainerRequest> after = byKey(realm, realm.requests());
            Map<AppKey, String> expected = realm.expected();
            PairedRounds paired = PairedRounds.run(rounds, () -> {
                double engine = engineLimit(realm, before, after, n, quarter);
                realm.removeContainers();
                return engine;
            }, () -> {
                double controller = controller(realm, before, expected, n, quarter);
                realm.removeContainers();
                return controller;
            });
            paired.report(results, scenario, "engine limit: the same " + 3 * quarter + " operations",
                    "controller: edits+deletes+new -> converged", 1.15);
        }
    }

    /** The engine's own time for the churn's operations on the apps as first written, started through it. */
    private static double engineLimit(BenchRealm realm, List<ContainerRequest> before,
            Map<AppKey, ContainerRequest> after, int n, int quarter) {
        EngineLimit limit = realm.limit();
        limit.createStartAll(before);
        Map<AppKey, String> ids = new HashMap<>();
        for (RuntimeContainer c : realm.observer.runtime.list(realm.observer.labels.realmFilter())) {
            realm.observer.labels.appKey(c.labels()).ifPresent(k -> ids.put(k, c.id()));
        }
        List<Runnable> ops = new ArrayList<>();
        for (int i = 0; i < quarter; i++) {
            ops.add(limit.recreate(ids.get(key(i)), after.get(key(i))));
            ops.add(limit.stopRemove(ids.get(key(quarter + i))));
            ops.add(limit.createStart(after.get(key(n + i))));
        }
        return limit.run(ops);
    }

    /** A controller that adopted the apps as first written, from the churn's files written to converged. */
    private static double controller(BenchRealm realm, List<ContainerRequest> before, Map<AppKey, String> expected,
            int n, int quarter) {
        writeBefore(realm, n, quarter);
        realm.limit().createStartAll(before);
        try (TestController controller = new TestController(realm.engine).start();
                RealmEvents events = new RealmEvents(realm.observer)) {
            Awaitility.await().atMost(Duration.ofMinutes(5)).until(() -> controller.loop.lastPassEndedAt().isPresent());
            long start = System.nanoTime();
            applyChurn(realm, n, quarter);
            return (realm.awaitConverged(expected, events) - start) / 1e6;
        }
    }

    /** Apps 0..n-1 as first written; the files of the churn's new apps absent. */
    private static void writeBefore(BenchRealm realm, int n, int quarter) {
        for (int i = 0; i < n; i++) {
            realm.writeApp(i);
        }
        for (int i = 0; i < quarter; i++) {
            realm.deleteApp(n + i);
        }
    }

    /** Edits apps 0..q-1 (a new environment variable), deletes q..2q-1, adds n..n+q-1. */
    private static void applyChurn(BenchRealm realm, int n, int quarter) {
        for (int i = 0; i < quarter; i++) {
            realm.writeApp(i, "environment: {EDITED: \"1\"}");
            realm.deleteApp(quarter + i);
            realm.writeApp(n + i);
        }
    }

    private static Map<AppKey, ContainerRequest> byKey(BenchRealm realm, List<ContainerRequest> requests) {
        Map<AppKey, ContainerRequest> map = new HashMap<>();
        requests.forEach(r -> map.put(realm.engine.labels.appKey(r.labels()).orElseThrow(), r));
        return map;
    }

    private static AppKey key(int i) {
        return new AppKey(String.format("u%05d", i), String.format("app-%05d", i));
    }
}
