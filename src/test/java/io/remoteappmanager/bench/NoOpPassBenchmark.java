package io.remoteappmanager.bench;

import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.testing.TestController;

/**
 * Scenario 2: N apps desired and running (created through the engine limit path, then adopted), and
 * 50 passes of the real {@code Reconciler.reconcile}: wall time and Docker API calls per pass, beside
 * one label-filtered list call alone (the floor). Scenario 6 (footprint) then runs on the same realm.
 */
final class NoOpPassBenchmark {

    static final int PASSES = 50;

    private final Results results;
    private final boolean footprint;

    NoOpPassBenchmark(Results results, boolean footprint) {
        this.results = results;
        this.footprint = footprint;
    }

    void run(int n) {
        String scenario = "noop-" + n;
        try (BenchRealm realm = new BenchRealm("noop")) {
            for (int i = 0; i < n; i++) {
                realm.writeApp(i);
            }
            double created = realm.limit().createStartAll(realm.requests());
            results.add(scenario, "set-up: engine limit create+start N", created, "ms");

            Stats floor = new Stats();
            for (int i = 0; i < PASSES; i++) {
                long start = System.nanoTime();
                realm.observer.runtime.list(realm.observer.labels.realmFilter());
                floor.addNanos(System.nanoTime() - start);
            }
            results.add(scenario, "floor: one label-filtered list call, median", floor.median(), "ms");
            results.add(scenario, "floor: one label-filtered list call, p99", floor.percentile(99), "ms");

            try (TestController controller = new TestController(realm.engine)) {
                requireNoOp(controller.reconciler.reconcile("warm-up"));
                Stats passes = new Stats();
                double before = realm.apiCalls();
                for (int i = 0; i < PASSES; i++) {
                    long start = System.nanoTime();
                    requireNoOp(controller.reconciler.reconcile("benchmark"));
                    passes.addNanos(System.nanoTime() - start);
                }
                double calls = (realm.apiCalls() - before) / PASSES;
                results.add(scenario, "no-op pass, median", passes.median(), "ms", "< 50", passes.median() < 50 ? "met" : "MISSED");
                results.add(scenario, "no-op pass, p99", passes.percentile(99), "ms", "< 50",
                        passes.percentile(99) < 50 ? "met" : "MISSED");
                results.add(scenario, "Docker API calls per no-op pass", calls, "calls", "== 1", calls == 1 ? "met" : "MISSED");
            }
            if (footprint) {
                new FootprintBenchmark(results).run(realm, n);
            }
        }
    }

    private static void requireNoOp(PassResult result) {
        if (!result.outcomes().isEmpty() || result.engineError().isPresent()) {
            throw new IllegalStateException("the pass was not a no-op: " + result.outcomes());
        }
    }
}
