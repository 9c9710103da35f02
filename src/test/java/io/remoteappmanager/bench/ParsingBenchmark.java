package io.remoteappmanager.bench;

import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import io.remoteappmanager.source.directory.SpecDirectory;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Scenario 5: N spec files read into a {@link DesiredState}: time, and CPU time and bytes allocated by the reading thread, for
 * a first read (cold code paths), a read by a fresh reader once warm, and the re-read of an unchanged directory by
 * the controller's own source (reader and watcher, as every pass reads it). No engine.
 */
final class ParsingBenchmark {

    private static final int WARM_RUNS = 5;

    private final Results results;

    ParsingBenchmark(Results results) {
        this.results = results;
    }

    void run(int n) {
        String scenario = "parse-" + n;
        try (BenchSpecs specs = new BenchSpecs("parse")) {
            for (int i = 0; i < n; i++) {
                specs.write(i, "environment: {THEME: dark}", "resources: {memory: 256m, cpus: 0.5}");
            }
            measure(scenario, "first read (cold JVM)", n, 1, () -> new SpecDirectory(specs.dir)::read);
            measure(scenario, "fresh reader, warm JVM, median", n, WARM_RUNS, () -> new SpecDirectory(specs.dir)::read);
            try (SpecSource watched = new DirectorySource(new SpecDirectory(specs.dir), Duration.ofMillis(150))) {
                watched.start(() -> { });
                watched.read();
                measure(scenario, "re-read of unchanged directory, median", n, WARM_RUNS, () -> watched::read);
            }
        }
    }

    private void measure(String scenario, String what, int n, int runs, Supplier<Supplier<DesiredState>> reader) {
        Stats time = new Stats();
        Stats cpu = new Stats();
        Stats bytes = new Stats();
        for (int i = 0; i < runs; i++) {
            Supplier<DesiredState> read = reader.get();
            ThreadCost cost = ThreadCost.start();
            long start = System.nanoTime();
            DesiredState state = read.get();
            time.addNanos(System.nanoTime() - start);
            cpu.add(cost.cpuMillis());
            bytes.add(cost.mebibytes());
            if (state.apps().size() != n) {
                throw new IllegalStateException("read " + state.apps().size() + " apps, expected " + n + ": " + state.problems());
            }
        }
        results.add(scenario, what + ": time", time.median(), "ms");
        results.add(scenario, what + ": CPU time", cpu.median(), "ms", "", "the reading thread's own");
        results.add(scenario, what + ": allocated", bytes.median(), "MiB");
    }
}
