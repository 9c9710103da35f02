package io.remoteappmanager.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;

/**
 * Scenario 6: the real packaged controller ({@code target/quarkus-app/quarkus-run.jar}, built by
 * scripts/bench.sh) started as a process on a realm where N apps already run and one more is desired:
 * start-up time until that one runs (its first pass has then finished), the time until its readiness
 * probes have found every adopted app ready (the status API says Running), where that start went by the controller's
 * own log ({@link StartupTimeline}), then RSS and CPU over 30 s idle.
 */
final class FootprintBenchmark {

    static final long IDLE_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Results results;

    FootprintBenchmark(Results results) {
        this.results = results;
    }

    void run(BenchRealm realm, int n) {
        String scenario = "footprint-" + n;
        realm.writeApp(n);
        Map<AppKey, String> expected = realm.expected();
        results.add(scenario, "engine: create+start of the missing app alone, just before", engineCreateStart(realm, n),
                "ms", "", "the engine's own pace beside " + n + " containers; the start-up rows include one");
        Path log = Path.of("target/bench/footprint-" + n + ".log");
        LocalTime launched = StartupTimeline.now();
        long start = System.nanoTime();
        try (PackagedController controller = PackagedController.start(realm, Map.of(), log);
                RealmEvents events = new RealmEvents(realm.observer)) {
            long pid = controller.process.pid();
            double startup = (realm.awaitConverged(expected, events) - start) / 1e6;
            results.add(scenario, "start-up to first finished pass", startup, "ms", "<= 2000",
                    verdict(startup <= 2000) + ": JVM start to the one missing app running; " + n + " adopted");
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> running(controller) == n + 1);
            double allRunning = (System.nanoTime() - start) / 1e6;
            results.add(scenario, "start-up to every app Running (probed)", allRunning, "ms", "<= 5000",
                    verdict(allRunning <= 5000) + ": adopted apps are probed again before they count as ready");
            StartupTimeline.of(log, launched, BenchSpecs.key(n).toString()).forEach((step, ms) ->
                    results.add(scenario, "start-up step: " + step, ms, "ms", "", "since the JVM was launched"));
            long ticksBefore = cpuTicks(pid);
            long idleStart = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
            double seconds = (System.nanoTime() - idleStart) / 1e9;
            double cpu = (cpuTicks(pid) - ticksBefore) / 100.0 / seconds * 100;
            long rss = statusKb(pid, "VmRSS:");
            results.add(scenario, "RSS after " + IDLE_SECONDS + " s idle", rss / 1024.0, "MiB", "<= 150",
                    verdict(rss / 1024.0 <= 150));
            results.add(scenario, "peak RSS (VmHWM)", statusKb(pid, "VmHWM:") / 1024.0, "MiB");
            results.add(scenario, "idle CPU over " + IDLE_SECONDS + " s", cpu, "% core", "", "one periodic resync in the window");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged controller's /proc", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the footprint", e);
        }
    }

    /**
     * The engine's own create and start of the container the controller is about to create (timed as the engine limit
     * does it), removed again so that the controller creates it.
     */
    private static double engineCreateStart(BenchRealm realm, int n) {
        AppKey missing = BenchSpecs.key(n);
        ContainerRequest request = realm.placedRequests().stream()
                .filter(r -> realm.observer.labels.appKey(r.labels()).filter(missing::equals).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no spec for " + missing));
        double ms = realm.limit().createStartAll(List.of(request));
        realm.observer.docker.removeContainerCmd(request.name()).withForce(true).exec();
        return ms;
    }

    /** The start of a row's note: whether it met its target. */
    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** How many apps the controller's status API calls Running. */
    private static long running(PackagedController controller) throws IOException {
        JsonNode apps = JSON.readTree(Http.get(controller.url("/api/v1/apps")));
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
