package io.remoteappmanager.bench;

import com.sun.management.ThreadMXBean;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.directory.SpecDirectory;
import java.lang.management.ManagementFactory;

/**
 * Scenario 5: N spec files read into a {@link DesiredState}: time and bytes allocated by the reading
 * thread, for a first read (cold code paths), a read by a fresh reader once warm, and a re-read of an
 * unchanged directory by the same reader (what every pass does).
 */
final class ParsingBenchmark {

    private static final int WARM_RUNS = 5;

    private final Results results;
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    ParsingBenchmark(Results results) {
        this.results = results;
    }

    void run(int n) {
        String scenario = "parse-" + n;
        try (BenchRealm realm = new BenchRealm("parse")) {
            for (int i = 0; i < n; i++) {
                realm.writeApp(i, "environment: {THEME: dark}", "resources: {memory: 256m, cpus: 0.5}");
            }
            measure(scenario, "first read (cold JVM)", n, 1, () -> new SpecDirectory(realm.specs));
            measure(scenario, "fresh reader, warm JVM, median", n, WARM_RUNS, () -> new SpecDirectory(realm.specs));
            SpecDirectory reused = new SpecDirectory(realm.specs);
            reused.read();
            measure(scenario, "re-read of unchanged directory, median", n, WARM_RUNS, () -> reused);
        }
    }

    private void measure(String scenario, String what, int n, int runs, java.util.function.Supplier<SpecDirectory> reader) {
        Stats time = new Stats();
        Stats bytes = new Stats();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < runs; i++) {
            SpecDirectory directory = reader.get();
            long allocated = threads.getThreadAllocatedBytes(thread);
            long start = System.nanoTime();
            DesiredState state = directory.read();
            time.addNanos(System.nanoTime() - start);
            bytes.add((threads.getThreadAllocatedBytes(thread) - allocated) / 1e6);
            if (state.apps().size() != n) {
                throw new IllegalStateException("read " + state.apps().size() + " apps, expected " + n + ": " + state.problems());
            }
        }
        results.add(scenario, what + ": time", time.median(), "ms");
        results.add(scenario, what + ": allocated", bytes.median() / 1.048576, "MiB");
    }
}
