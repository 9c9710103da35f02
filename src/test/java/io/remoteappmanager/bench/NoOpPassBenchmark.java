package io.remoteappmanager.bench;

import io.micrometer.core.instrument.Timer;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.runtime.docker.NetworkPlacement;
import io.remoteappmanager.testing.TestController;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2: N apps desired and running (created through the engine limit path, then adopted by a started
 * controller), and 50 requested passes after {@value #WARM_UP} warm-up passes: the time of each pass by the controller's
 * pass timer and Docker API calls per pass (the observed state comes from the
 * event-fed cache, so none is expected), beside one label-filtered list call alone (what a pass used to cost).
 * Scenario 6 (footprint) then runs on the same realm.
 */
final class NoOpPassBenchmark {

    static final int PASSES = 50;
    /**
     * Passes before the measured ones, as in a controller that has run a while: the JIT compiles the pass's code
     * over the first hundred or so (the controller's own JVM options stop at C1, which gets there sooner).
     */
    static final int WARM_UP = 200;
    /** The realm's own networks: N apps (and footprint's one more) fit whatever else is on the default bridge. */
    static final int NETWORKS = 2;

    private final Results results;
    private final boolean footprint;

    NoOpPassBenchmark(Results results, boolean footprint) {
        this.results = results;
        this.footprint = footprint;
    }

    void run(int n) {
        String scenario = "noop-" + n;
        try (BenchRealm realm = BenchRealm.onNetworks("noop", NETWORKS, NetworkPlacement.BRIDGE_LIMIT)) {
            for (int i = 0; i < n; i++) {
                realm.writeApp(i);
            }
            double created = realm.limit().createStartAll(realm.placedRequests());
            results.add(scenario, "set-up: engine limit create+start N", created, "ms");

            Stats floor = new Stats();
            for (int i = 0; i < PASSES; i++) {
                long start = System.nanoTime();
                realm.observer.runtime.list(realm.observer.labels.realmFilter());
                floor.addNanos(System.nanoTime() - start);
            }
            results.add(scenario, "floor: one label-filtered list call, median", floor.median(), "ms");
            results.add(scenario, "floor: one label-filtered list call, p99", floor.percentile(99), "ms");

            try (TestController controller = new TestController(realm.engine, realm.metrics).start()) {
                requireNoOp(controller.trustedPass("first"));
                Timer timer = realm.metrics.timer("ram.reconcile.pass");
                Stats early = timedPasses(controller, timer, PASSES, "warm-up");
                timedPasses(controller, timer, WARM_UP - PASSES, "warm-up");
                double before = realm.apiCalls();
                Stats passes = timedPasses(controller, timer, PASSES, "benchmark");
                double calls = (realm.apiCalls() - before) / PASSES;
                results.add(scenario, "no-op pass, median of the first " + PASSES + " (JIT compiling)", early.median(), "ms");
                results.add(scenario, "warm-up passes before the measured ones", WARM_UP, "passes");
                results.add(scenario, "no-op pass, median", passes.median(), "ms", "<= 20", passes.median() <= 20 ? "met" : "MISSED");
                results.add(scenario, "no-op pass, p99", passes.percentile(99), "ms");
                results.add(scenario, "Docker API calls per no-op pass", calls, "calls", "== 0", calls == 0 ? "met" : "MISSED");
            }
            if (footprint) {
                new FootprintBenchmark(results).run(realm, n);
            }
        }
    }

    /**
     * {@code count} requested passes, each checked to be a no-op, and how long each took by the controller's own pass
     * timer ({@code ram.reconcile.pass}): the pass's work, not the rest the loop takes after the one before it.
     */
    private static Stats timedPasses(TestController controller, Timer timer, int count, String reason) {
        Stats passes = new Stats();
        for (int i = 0; i < count; i++) {
            long runs = timer.count();
            double nanos = timer.totalTime(TimeUnit.NANOSECONDS);
            requireNoOp(pass(controller, reason));
            passes.addNanos((long) ((timer.totalTime(TimeUnit.NANOSECONDS) - nanos) / Math.max(1, timer.count() - runs)));
        }
        return passes;
    }

    private static PassResult pass(TestController controller, String reason) {
        try {
            return controller.pass(reason);
        } catch (Exception e) {
            throw new IllegalStateException("pass (" + reason + ") did not finish: " + e, e);
        }
    }

    private static void requireNoOp(PassResult result) {
        if (!result.outcomes().isEmpty() || result.engineError().isPresent()) {
            throw new IllegalStateException("the pass was not a no-op: " + result.outcomes());
        }
    }
}
