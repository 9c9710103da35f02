package io.remoteappmanager.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.testing.FreePort;
import io.remoteappmanager.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;

/**
 * Scenario 6: the real packaged controller ({@code target/quarkus-app/quarkus-run.jar}, built by
 * scripts/bench.sh) started as a process on a realm where N apps already run and one more is desired:
 * start-up time until that one runs (its first pass has then finished), the time until its readiness
 * probes have found every adopted app ready (the status API says Running), then RSS and CPU over 30 s idle.
 */
final class FootprintBenchmark {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final long IDLE_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Results results;

    FootprintBenchmark(Results results) {
        this.results = results;
    }

    void run(BenchRealm realm, int n) {
        String scenario = "footprint-" + n;
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run `mvn -B -q package -DskipTests` (scripts/bench.sh does)");
        }
        realm.writeApp(n);
        Map<AppKey, String> expected = realm.expected();
        Path log = Path.of("target/bench/footprint-" + n + ".log");
        List<String> command = new ArrayList<>(List.of("java"));
        // The JVM options and malloc setting scripts/run.sh gives the controller, so the footprint is the product's.
        command.addAll(List.of(System.getenv().getOrDefault("JAVA_OPTS", "@config/jvm.options").trim().split("\\s+")));
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(realm.environment());
        int apiPort = FreePort.onLoopback();
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(apiPort));
        try {
            Files.createDirectories(log.getParent());
            long start = System.nanoTime();
            Process process = builder.start();
            try (RealmEvents events = new RealmEvents(realm.observer)) {
                double startup = (realm.awaitConverged(expected, events) - start) / 1e6;
                results.add(scenario, "start-up to first finished pass", startup, "ms", "",
                        "JVM start to the one missing app running; " + n + " adopted");
                Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions().until(() -> running(apiPort) == n + 1);
                results.add(scenario, "start-up to every app Running (probed)", (System.nanoTime() - start) / 1e6, "ms", "",
                        "adopted apps are probed again before they count as ready");
                long ticksBefore = cpuTicks(process.pid());
                long idleStart = System.nanoTime();
                Thread.sleep(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
                double seconds = (System.nanoTime() - idleStart) / 1e9;
                double cpu = (cpuTicks(process.pid()) - ticksBefore) / 100.0 / seconds * 100;
                long rss = statusKb(process.pid(), "VmRSS:");
                results.add(scenario, "RSS after " + IDLE_SECONDS + " s idle", rss / 1024.0, "MiB", "< 200",
                        rss / 1024.0 < 200 ? "met" : "MISSED");
                results.add(scenario, "peak RSS (VmHWM)", statusKb(process.pid(), "VmHWM:") / 1024.0, "MiB");
                results.add(scenario, "idle CPU over " + IDLE_SECONDS + " s", cpu, "% core", "", "one periodic resync in the window");
            } finally {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the packaged controller", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the footprint", e);
        }
    }

    /** How many apps the controller's status API calls Running. */
    private static long running(int apiPort) throws IOException {
        JsonNode apps = JSON.readTree(Http.get("http://127.0.0.1:" + apiPort + "/api/v1/apps"));
        return StreamSupport.stream(apps.spliterator(), false).filter(app -> app.path("phase").asText().equals("Running")).count();
    }

    /** utime + stime of the process, in clock ticks (USER_HZ, 100 on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusKb(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(l -> l.startsWith(field))
                .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0]))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + field + " for process " + pid));
    }
}
