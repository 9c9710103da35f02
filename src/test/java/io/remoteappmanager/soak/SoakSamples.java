package io.remoteappmanager.soak;

import io.remoteappmanager.bench.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The controllers' resident memory, heap after a full collection, threads (by name), open descriptors (by kind) and
 * work-queue depth, sampled every minute from {@code /proc} and their metrics, and reported over the last minutes of
 * the soak to show whether they stay flat. A leader runs more threads than a standby (it acts, probes and routes), so each figure is
 * compared between samples taken in the same role: a takeover is not a leak.
 */
final class SoakSamples {

    private static final double MIB = 1024 * 1024;

    /** One look at one controller process. */
    record Sample(Instant at, int member, long pid, String role, double rssMib, double heapMib, double threads,
            Map<String, Integer> threadsByName, double fds, Map<String, Integer> fdsByKind, double queue) {}

    private final SoakControllers controllers;
    private final List<Sample> samples = new ArrayList<>();

    SoakSamples(SoakControllers controllers) {
        this.controllers = controllers;
    }

    synchronized void sample() {
        for (int i = 0; i < controllers.members.size(); i++) {
            SoakControllers.Member m = controllers.members.get(i);
            if (m.paused || !m.process.isAlive()) {
                continue;
            }
            Path proc = Path.of("/proc", Long.toString(m.process.pid()));
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                double heapMib = controllers.heapAfterGc(m).orElse(Double.NaN) / MIB;
                String status = Files.readString(proc.resolve("status"));
                Map<String, Integer> fdsByKind = fds.flatMap(fd -> descriptorKind(fd).stream())
                        .collect(Collectors.toMap(kind -> kind, kind -> 1, Integer::sum, TreeMap::new));
                samples.add(new Sample(Instant.now(), i, m.process.pid(), controllers.role(m).orElse("unknown"),
                        field(status, "VmRSS") / 1024.0, heapMib, field(status, "Threads"), controllers.threadsByName(m),
                        fdsByKind.values().stream().mapToInt(Integer::intValue).sum(), fdsByKind,
                        controllers.queueDepth(m).orElse(Double.NaN)));
            } catch (IOException | RuntimeException gone) {
                // it died between the check and the look; the next sample sees its successor
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * For each controller process alive at the end: its figures over the last {@code window} in the role it ends in,
     * first, last and most.
     */
    synchronized void report(Results results, Duration window) {
        Instant from = Instant.now().minus(window);
        for (int i = 0; i < controllers.members.size(); i++) {
            long pid = controllers.members.get(i).process.pid();
            int member = i;
            List<Sample> recent = samples.stream().filter(s -> s.member() == member && s.pid() == pid
                    && !s.at().isBefore(from)).toList();
            String role = recent.isEmpty() ? "" : recent.get(recent.size() - 1).role();
            List<Sample> mine = recent.stream().filter(s -> s.role().equals(role)).toList();
            if (mine.size() < 2) {
                continue;
            }
            row(results, member, "RSS", "MiB", mine, Sample::rssMib, "");
            row(results, member, "heap after GC", "MiB", mine, Sample::heapMib, "");
            row(results, member, "threads", "", mine, Sample::threads, changed(mine, Sample::threadsByName));
            row(results, member, "open descriptors", "", mine, Sample::fds, changed(mine, Sample::fdsByKind));
            row(results, member, "work queue depth", "", mine, Sample::queue, "");
        }
    }

    private static void row(Results results, int member, String what, String unit, List<Sample> mine,
            ToDoubleFunction<Sample> value, String more) {
        double first = value.applyAsDouble(mine.get(0));
        double last = value.applyAsDouble(mine.get(mine.size() - 1));
        double most = mine.stream().mapToDouble(value).max().orElse(Double.NaN);
        double growth = first == 0 ? 0 : (last - first) / first * 100;
        results.add("soak", "controller " + member + " " + what + " at the end", last, unit, "flat within 10 %",
                String.format(Locale.ROOT, "%d samples as %s: first %.1f, most %.1f, change %+.1f %%%s", mine.size(),
                        mine.get(0).role(), first, most, growth, more));
    }

    /**
     * The names (of threads, of kinds of descriptor) whose count differs between the first and the last sample
     * ({@code ; by name: ram-worker-N +6}).
     */
    private static String changed(List<Sample> mine, Function<Sample, Map<String, Integer>> counts) {
        Map<String, Integer> first = counts.apply(mine.get(0));
        Map<String, Integer> last = counts.apply(mine.get(mine.size() - 1));
        Set<String> names = new TreeSet<>(first.keySet());
        names.addAll(last.keySet());
        String changed = names.stream()
                .filter(n -> !first.getOrDefault(n, 0).equals(last.getOrDefault(n, 0)))
                .map(n -> String.format(Locale.ROOT, "%s %+d", n, last.getOrDefault(n, 0) - first.getOrDefault(n, 0)))
                .collect(Collectors.joining(", "));
        return changed.isEmpty() ? "" : "; by name: " + changed;
    }

    /**
     * What an open descriptor is, from its {@code /proc/<pid>/fd} link: socket, pipe, an anonymous inode by its type
     * (eventpoll, eventfd), a jar, a device or another file; empty when it closed before it could be read.
     */
    private static Optional<String> descriptorKind(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:") || target.startsWith("pipe:")) {
                return Optional.of(target.substring(0, target.indexOf(':')));
            }
            if (target.startsWith("anon_inode:")) {
                return Optional.of(target);
            }
            return Optional.of(target.endsWith(".jar") ? "jar" : target.startsWith("/dev/") ? "device" : "file");
        } catch (IOException closedMeanwhile) {
            return Optional.empty();
        }
    }

    private static double field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", ""))).orElse(Double.NaN);
    }
}
