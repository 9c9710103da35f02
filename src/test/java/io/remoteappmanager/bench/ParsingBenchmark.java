package io.remoteappmanager.bench;

import io.remoteappmanager.lifecycle.TimerJobs;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.source.directory.DirectorySource;
import io.remoteappmanager.source.directory.SpecDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Scenario 5: N spec files read into a {@link DesiredState}: time, and CPU time and bytes allocated by the reading thread, for
 * a first read (cold code paths) in this JVM and in a fresh JVM started with the controller's own options
 * ({@code config/jvm.options}: C1 only, the serial collector, a 128 MiB heap: cold exactly as the controller reads),
 * a read by a fresh reader once warm, and the re-read of an unchanged directory by the controller's own source (reader
 * and watcher, as every pass reads it); for the controller-JVM read also the heap its result holds. Targets: the cold
 * read in the controller's JVM within 3 s, the unchanged re-read within 50 ms. No engine.
 */
final class ParsingBenchmark {

    private static final int WARM_RUNS = 5;
    /** The controller's JVM options, relative to the checkout (scripts/bench.sh runs from its root). */
    private static final Path JVM_OPTIONS = Path.of("config", "jvm.options");
    private static final Duration FORK_DEADLINE = Duration.ofMinutes(5);

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
            measure(scenario, "first read (cold JVM)", n, 1, () -> new SpecDirectory(specs.dir)::read, 0);
            controllerJvm(scenario, specs.dir, n);
            measure(scenario, "fresh reader, warm JVM, median", n, WARM_RUNS, () -> new SpecDirectory(specs.dir)::read, 0);
            try (SpecSource watched = new DirectorySource(new SpecDirectory(specs.dir), Duration.ofMillis(150));
                    TimerJobs jobs = new TimerJobs()) {
                watched.start(() -> { }, jobs);
                watched.read();
                measure(scenario, "re-read of unchanged directory, median", n, WARM_RUNS, () -> watched::read, 50);
            }
        }
    }

    /** The first read in a fresh JVM with the controller's options: this class's {@link #main} as a child process. */
    private void controllerJvm(String scenario, Path dir, int n) {
        String what = "first read, controller's JVM (fresh)";
        if (!Files.isRegularFile(JVM_OPTIONS)) {
            throw new IllegalStateException("no " + JVM_OPTIONS.toAbsolutePath() + ": run the benchmark from the checkout");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + JVM_OPTIONS, "-cp", System.getProperty("java.class.path"), ParsingBenchmark.class.getName(),
                dir.toString(), Integer.toString(n));
        String[] measured;
        try {
            Path output = Files.createTempFile("ram-bench-parse", ".out");
            try {
                Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                boolean ended = child.waitFor(FORK_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                if (!ended) {
                    child.destroyForcibly().waitFor();
                }
                String printed = Files.readString(output);
                if (!ended || child.exitValue() != 0) {
                    throw new IllegalStateException("the controller-JVM read " + (ended ? "failed" : "timed out") + ": " + printed);
                }
                measured = printed.strip().split(" ");
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a JVM for the controller-JVM read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double millis = Double.parseDouble(measured[0]);
        results.add(scenario, what + ": time", millis, "ms", "<= 3000", millis <= 3000 ? "met" : "MISSED");
        results.add(scenario, what + ": CPU time", Double.parseDouble(measured[1]), "ms", "", "the reading thread's own");
        results.add(scenario, what + ": allocated", Double.parseDouble(measured[2]), "MiB", "", "information (no target)");
        results.add(scenario, what + ": heap held after the read", Double.parseDouble(measured[3]), "MiB", "",
                "used heap after a full GC, the read's result alive");
    }

    /**
     * The controller-JVM read, run by {@link #controllerJvm} in a JVM of its own: reads directory {@code args[0]},
     * which must give {@code args[1]} apps, once, and prints its time, CPU time (ms), allocated MiB and the MiB of heap
     * still used after a full collection with the reader and its result alive (what the controller holds) on one line.
     */
    public static void main(String[] args) {
        ThreadCost cost = ThreadCost.start();
        long start = System.nanoTime();
        SpecDirectory reader = new SpecDirectory(Path.of(args[0]));
        DesiredState state = reader.read();
        double millis = (System.nanoTime() - start) / 1e6;
        double cpu = cost.cpuMillis();
        double allocated = cost.mebibytes();
        if (state.apps().size() != Integer.parseInt(args[1])) {
            System.out.println("read " + state.apps().size() + " apps, expected " + args[1] + ": " + state.problems());
            System.exit(1);
        }
        System.gc();
        double held = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        Reference.reachabilityFence(reader);
        Reference.reachabilityFence(state);
        System.out.printf(Locale.ROOT, "%.1f %.1f %.2f %.2f%n", millis, cpu, allocated, held);
    }

    /** {@code maxMillis}: the target for the median time, 0 for none. */
    private void measure(String scenario, String what, int n, int runs, Supplier<Supplier<DesiredState>> reader,
            double maxMillis) {
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
        if (maxMillis > 0) {
            results.add(scenario, what + ": time", time.median(), "ms", "<= " + (long) maxMillis,
                    time.median() <= maxMillis ? "met" : "MISSED");
        } else {
            results.add(scenario, what + ": time", time.median(), "ms");
        }
        results.add(scenario, what + ": CPU time", cpu.median(), "ms", "", "the reading thread's own");
        results.add(scenario, what + ": allocated", bytes.median(), "MiB");
    }
}
