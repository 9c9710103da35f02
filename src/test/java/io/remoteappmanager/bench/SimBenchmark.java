package io.remoteappmanager.bench;

import com.sun.management.OperatingSystemMXBean;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusSnapshot;
import io.remoteappmanager.testing.TestEngine;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Scenario sim: the real controller on {@link FakeEngine} with the engine's pace modelled, at N apps no real engine
 * here could hold. N apps fed at once into a running controller until all run, beside the modelled engine's limit
 * for the calls it made; a tenth of them edited until recreated, the same way; no-op passes; then a second
 * controller adopts the N containers ({@link SimAdoption}: start-up, heap, RSS, event to action). No dockerd needed.
 */
final class SimBenchmark {

    /** Target of converge and churn: at most this many times the modelled engine's own limit. */
    static final double LIMIT_RATIO = 1.05;
    static final int NOOP_WARM_UP = 5;
    static final int NOOP_PASSES = 21;
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Results results;
    private final SimPace pace;

    SimBenchmark(Results results, SimPace pace) {
        this.results = results;
        this.pace = pace;
    }

    void run(int n) {
        String scenario = "sim-" + n;
        RamConfig config = SimController.config(pace);
        paceFloor(scenario, config);
        int edited = n / 10;
        try (FakeEngine engine = pace.apply(new FakeEngine(config).withImages(TestEngine.HTTPD))) {
            try (SimController controller = new SimController(config, engine, new FedSource()).start()) {
                controller.await("a first pass on the listed realm", Duration.ofMinutes(1), SimController::trustedPassDone);
                converge(scenario, controller, engine, n);
                noOpPasses(scenario, controller, engine);
                churn(scenario, controller, engine, n, edited);
            }
            new SimAdoption(results, config).run(scenario, engine, n, edited);
        }
    }

    /** The N apps fed at once into a running controller with none, until status says all N run. */
    private void converge(String scenario, SimController controller, FakeEngine engine, int n) {
        Map<AppKey, AppSpec> apps = SimApps.apps(n, 0);
        Phase phase = new Phase(controller, engine);
        controller.source.feed(apps);
        long end = controller.await("all " + n + " apps Running", Duration.ofHours(1), SimController.allRunning(n));
        phase.report(scenario, "converge from empty", end, 3L * n, "create, start, inspect");
    }

    /** Passes with nothing to do after the converge: their time, and the engine calls they made (none). */
    private void noOpPasses(String scenario, SimController controller, FakeEngine engine) {
        for (int i = 0; i < NOOP_WARM_UP; i++) {
            requireNoOp(controller.pass("warm-up"));
        }
        long callsBefore = engine.totalCalls();
        Stats passes = new Stats();
        for (int i = 0; i < NOOP_PASSES; i++) {
            long start = System.nanoTime();
            requireNoOp(controller.pass("no-op"));
            passes.addNanos(System.nanoTime() - start);
        }
        double calls = (engine.totalCalls() - callsBefore) / (double) NOOP_PASSES;
        results.add(scenario, "no-op pass: engine calls per pass", calls, "calls", "== 0", calls == 0 ? "met" : "MISSED");
        results.add(scenario, "no-op pass: median", passes.median(), "ms", "<= 50", met(passes.median() <= 50)
                + "; " + NOOP_PASSES + " requested passes after " + NOOP_WARM_UP + " warm-up");
        results.add(scenario, "no-op pass: p99", passes.percentile(99), "ms");
    }

    /** A tenth of the apps edited at once, until each runs in a new container. */
    private void churn(String scenario, SimController controller, FakeEngine engine, int n, int edited) {
        Map<AppKey, String> before = new HashMap<>();
        for (int i = 0; i < edited; i++) {
            AppKey key = SimApps.spec(i).key();
            before.put(key, controller.app.status().current().app(key).flatMap(AppStatus::containerId).orElseThrow());
        }
        Phase phase = new Phase(controller, engine);
        controller.source.feed(SimApps.apps(n, edited));
        long end = controller.await(edited + " apps recreated", Duration.ofHours(1),
                SimController.allRunning(n).and(recreated(before)));
        phase.report(scenario, "churn 10 %", end, 5L * edited,
                "stop, remove, create, start, inspect");
    }

    /** The engine alone at its pace: 8 threads × pings, so the gate's own overshoot is told from the controller's. */
    private void paceFloor(String scenario, RamConfig config) {
        int calls = 100 * pace.concurrent();
        try (FakeEngine engine = pace.apply(new FakeEngine(config))) {
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < pace.concurrent(); t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < calls / pace.concurrent(); i++) {
                        engine.ping();
                    }
                }, "sim-pace-floor-" + t);
                thread.start();
                threads.add(thread);
            }
            threads.forEach(SimBenchmark::join);
            double took = Stats.since(start);
            results.add(scenario, "modelled engine alone: " + calls + " calls", took, "ms", "",
                    String.format(Locale.ROOT, "%.3f x its limit (%s): the pace's own overshoot", took / pace.limitMillis(calls), pace));
        }
    }

    private static Predicate<StatusSnapshot> recreated(Map<AppKey, String> before) {
        return s -> before.entrySet().stream().allMatch(e -> s.app(e.getKey()).flatMap(AppStatus::containerId)
                .filter(id -> !id.equals(e.getValue())).isPresent());
    }

    private static void requireNoOp(PassResult result) {
        if (result.plan().isEmpty() || !result.outcomes().isEmpty()) {
            throw new IllegalStateException("the pass was not a no-op on a trusted cache: " + result.outcomes());
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String met(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** The JVM's CPU time so far (every thread: controller, fake engine and benchmark), in milliseconds. */
    static double processCpuMillis() {
        return OS.getProcessCpuTime() / 1e6;
    }

    /** What a measured stretch of controller work started from: the time, the engine's calls, passes and CPU. */
    private final class Phase {
        private final SimController controller;
        private final FakeEngine engine;
        private final long start = System.nanoTime();
        private final long calls;
        private final long passes;
        private final double passMillis;
        private final double cpu;

        Phase(SimController controller, FakeEngine engine) {
            this.controller = controller;
            this.engine = engine;
            this.calls = engine.totalCalls();
            this.passes = controller.passes();
            this.passMillis = controller.passMillis();
            this.cpu = processCpuMillis();
        }

        /** The stretch ended at {@code endNanos}: its time beside the modelled engine's limit for the calls made. */
        void report(String scenario, String what, long endNanos, long leastCalls, String leastPerApp) {
            double took = (endNanos - start) / 1e6;
            long made = engine.totalCalls() - calls;
            double limit = pace.limitMillis(made);
            long ran = controller.passes() - passes;
            results.add(scenario, what + ": controller", took, "ms", "", "specs fed to all Running in status");
            results.add(scenario, what + ": engine calls", made, "calls", "",
                    "least " + leastCalls + " (" + leastPerApp + " per app)");
            results.add(scenario, what + ": modelled limit", limit, "ms", "", "calls x " + pace);
            results.add(scenario, what + ": controller / limit", took / limit, "x", "<= " + LIMIT_RATIO,
                    met(took / limit <= LIMIT_RATIO));
            results.add(scenario, what + ": passes", ran, "passes", "",
                    String.format(Locale.ROOT, "%.1f ms each on average", (controller.passMillis() - passMillis) / Math.max(1, ran)));
            results.add(scenario, what + ": JVM CPU time", processCpuMillis() - cpu, "ms", "",
                    "all threads, the fake engine's included");
        }
    }
}
