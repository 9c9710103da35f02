package io.remoteappmanager.bench;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.AppsResource;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.testing.fake.FakeEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The second half of scenario sim: a controller started on a fake engine that already holds the N apps'
 * containers, labelled as this controller makes them (a restart of the controller): its start-up to the first
 * pass and to every app known through the API's own resource, the heap it holds after a full GC, the process's RSS,
 * and then event to action ({@link SimEventLoad}).
 */
final class SimAdoption {

    /** Heap target: at most this much per app, beside a fixed base. */
    static final double KIB_PER_APP = 4;
    private static final int API_READS = 5;

    private final Results results;
    private final RamConfig config;

    SimAdoption(Results results, RamConfig config) {
        this.results = results;
        this.config = config;
    }

    /** On {@code engine}, which holds the containers of apps 0..n-1 (the first {@code edited} edited). */
    void run(String scenario, FakeEngine engine, int n, int edited) {
        long base = heapAfterFullGc();
        results.add(scenario, "heap after a full GC, before the controller", base / 1048576.0, "MiB", "",
                "the fake engine with " + n + " containers, the benchmark");
        SimEventLoad.RestartLog restarts = new SimEventLoad.RestartLog();
        FedSource source = FedSource.of(SimApps.apps(n, edited));
        long start = System.nanoTime();
        try (SimController controller = new SimController(config, restarts.around(engine), source).start()) {
            long first = controller.await("a first pass on the listed realm", Duration.ofMinutes(30),
                    SimController::trustedPassDone);
            double toFirst = (first - start) / 1e6;
            double target = n <= 10_000 ? 2000 : 10_000;
            results.add(scenario, "start-up: assembled to first pass", toFirst, "ms",
                    "<= " + (long) target, SimBenchmark.met(toFirst <= target) + "; " + n + " containers adopted");
            long known = controller.await("all " + n + " adopted apps Running", Duration.ofMinutes(30),
                    SimController.allRunning(n));
            AppsResource api = new AppsResource(controller.app.status());
            List<AppView> apps = api.all();
            long running = apps.stream().filter(a -> a.phase().equals("Running")).count();
            if (running != n) {
                throw new IllegalStateException("the API shows " + running + " apps Running, not " + n);
            }
            results.add(scenario, "start-up: assembled to every app known", (known - start) / 1e6, "ms", "",
                    "status says all Running; the API's GET /api/v1/apps agrees");
            Stats reads = new Stats();
            for (int i = 0; i < API_READS; i++) {
                long t = System.nanoTime();
                api.all();
                reads.addNanos(System.nanoTime() - t);
            }
            results.add(scenario, "API GET /api/v1/apps, in process: median", reads.median(), "ms", "",
                    "the resource's views of " + n + " apps, without HTTP and JSON");
            heap(scenario, base, n);
            new SimEventLoad(results).run(scenario, controller, engine, restarts, n);
        }
    }

    private void heap(String scenario, long base, int n) {
        long held = heapAfterFullGc();
        double controller = (held - base) / 1048576.0;
        double perApp = (held - base) / 1024.0 / n;
        results.add(scenario, "heap held by the controller after a full GC", controller, "MiB", "",
                "beside the heap before it; its desired state included");
        results.add(scenario, "heap held per app", perApp, "KiB", "<= " + (long) KIB_PER_APP,
                SimBenchmark.met(perApp <= KIB_PER_APP));
        results.add(scenario, "heap after a full GC, in all", held / 1048576.0, "MiB", "",
                "the controller, the fake engine and the benchmark");
        results.add(scenario, "RSS", statusKb("VmRSS:") / 1024.0, "MiB", "", "the whole JVM, fake engine included; "
                + "max heap " + Runtime.getRuntime().maxMemory() / 1048576 + " MiB");
        results.add(scenario, "peak RSS (VmHWM)", statusKb("VmHWM:") / 1024.0, "MiB");
    }

    /** Bytes of heap in use after full collections, once two in a row agree within 1 %. */
    static long heapAfterFullGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            ManagementFactory.getMemoryMXBean().gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < used / 100) {
                return used;
            }
            last = used;
        }
        return last;
    }

    private static long statusKb(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0]))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + field + " in /proc/self/status"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
    }
}
