package io.remoteappmanager.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * Scenario logs-follow (only when named): the packaged controller runs one app that writes about 1,000 lines a second,
 * and a client follows its output ({@code GET /api/v1/apps/{name}/logs?follow=true&tail=1}, with the API token) for N
 * seconds: the lines it gets a second (beside what the app wrote, from the engine's log), the controller's heap after a
 * full collection before and at the end, and the median reconcile pass before and while followed.
 */
final class LogsFollowBenchmark {

    private static final String TOKEN = "bench-logs-token";
    private static final double MIB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** About 1,000 lines a second: 120 lines (which take busybox about 20 ms), then a tenth of a second's rest. */
    private static final String CHATTY = "command: [/bin/sh, -c, 'trap \"exit 0\" TERM; while true; do i=0; while [ $i -lt"
            + " 120 ]; do echo \"line $i of a chatty app, long enough to look like a log line of a real one\";"
            + " i=$((i+1)); done; sleep 0.1; done']";
    /** The settings the logs tests' application had: a token, no probes, no lease, no periodic pass in the window. */
    private static final Map<String, String> SETTINGS = Map.of("ram.api.token", TOKEN, "ram.readiness.enabled", "false",
            "ram.leader-election.enabled", "false", "ram.reconcile.interval", "1h", "ram.stop-timeout", "1s");
    /** One pool's line of {@code jvm_memory_used_bytes{area="heap",...}} on /q/metrics. */
    private static final Pattern HEAP_POOL =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)$");

    private final Results results;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    LogsFollowBenchmark(Results results) {
        this.results = results;
    }

    void run(int seconds) {
        String scenario = "logs-follow-" + seconds;
        try (BenchRealm realm = new BenchRealm("logs");
                PackagedController controller = PackagedController.start(realm, SETTINGS,
                        Path.of("target/bench/logs-follow-" + seconds + ".log"))) {
            realm.writeApp(0, CHATTY);
            String logs = "/api/v1/apps/" + BenchSpecs.key(0).mappingId() + "/logs";
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> send(controller, "GET", logs + "?tail=1").startsWith("line "));
            long passBefore = medianPassMillis(controller);
            double heapBefore = heapAfterGc(controller);

            AtomicLong lines = new AtomicLong();
            CompletableFuture<HttpResponse<Stream<String>>> follower = http.sendAsync(
                    request(controller, logs + "?follow=true&tail=1").build(), HttpResponse.BodyHandlers.ofLines());
            follower.thenAcceptAsync(response -> response.body().forEach(line -> lines.incrementAndGet()));
            long started = System.nanoTime();
            long fromSecond = Instant.now().getEpochSecond() + 1;
            try {
                sleepUntil(started, seconds / 2.0);
                HttpResponse<?> answer = follower.getNow(null);
                if (answer == null || answer.statusCode() != 200) {
                    throw new IllegalStateException("the follower got no 200 within " + seconds / 2.0 + " s: "
                            + (answer == null ? "no answer" : answer.statusCode()));
                }
                long passDuring = medianPassMillis(controller);
                sleepUntil(started, seconds);
                double perSecond = lines.get() / ((System.nanoTime() - started) / 1e9);
                long toSecond = Instant.now().getEpochSecond();
                double heapAfter = heapAfterGc(controller);
                report(scenario, seconds, perSecond, heapBefore, heapAfter, passBefore, passDuring);
                results.add(scenario, "lines the app wrote a second (engine's log)", writtenPerSecond(realm, fromSecond,
                        toSecond), "lines", "", "anchor: what the engine kept over the window's whole seconds");
            } finally {
                follower.thenAccept(response -> response.body().close());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot measure the packaged controller: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following the chatty app", e);
        }
    }

    private void report(String scenario, int seconds, double perSecond, double heapBefore, double heapAfter,
            long passBefore, long passDuring) {
        results.add(scenario, "lines the follower got a second", perSecond, "lines", ">= 800",
                (perSecond >= 800 ? "met" : "MISSED") + "; the app aims at about 1,000 a second");
        String heapNote = "jvm_memory_used_bytes{area=heap} on /q/metrics after jcmd GC.run";
        results.add(scenario, "controller heap after GC, before following", heapBefore / MIB, "MiB", "", heapNote);
        results.add(scenario, "controller heap after GC, after " + seconds + " s followed", heapAfter / MIB, "MiB", "",
                heapNote + ", follower still open");
        double growth = (heapAfter - heapBefore) / MIB;
        results.add(scenario, "controller heap growth while followed", growth, "MiB", "< 20", growth < 20 ? "met" : "MISSED");
        results.add(scenario, "reconcile pass before following, median of 5", passBefore, "ms", "",
                "POST /api/v1/reconcile, then durationMillis of /api/v1/status");
        long limit = 2 * passBefore + 50;
        results.add(scenario, "reconcile pass while followed, median of 5", passDuring, "ms", "<= " + limit,
                (passDuring <= limit ? "met" : "MISSED") + "; 2 x before + 50 ms, taken half-way");
    }

    /** Lines the app wrote a second from {@code fromSecond} to {@code toSecond} (epoch seconds), as the engine kept them. */
    private static double writtenPerSecond(BenchRealm realm, long fromSecond, long toSecond) throws InterruptedException {
        String container = realm.observer.runtime.list(realm.observer.labels.appFilter(BenchSpecs.key(0))).get(0).id();
        AtomicLong frames = new AtomicLong();
        realm.observer.docker.logContainerCmd(container).withStdOut(true).withStdErr(true)
                .withSince((int) fromSecond).withUntil((int) toSecond)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        frames.incrementAndGet();
                    }
                }).awaitCompletion(1, TimeUnit.MINUTES);
        return frames.get() / (double) (toSecond - fromSecond);
    }

    /** The median duration of five passes asked for through the API. */
    private long medianPassMillis(PackagedController controller) throws IOException, InterruptedException {
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            send(controller, "POST", "/api/v1/reconcile");
            JsonNode status = JSON.readTree(send(controller, "GET", "/api/v1/status"));
            if (!status.path("durationMillis").isNumber()) {
                throw new IllegalStateException("no durationMillis in /api/v1/status: " + status);
            }
            millis[i] = status.path("durationMillis").asLong();
        }
        return LongStream.of(millis).sorted().toArray()[2];
    }

    /** The controller's used heap right after a full collection it was asked for ({@code jcmd <pid> GC.run}). */
    private double heapAfterGc(PackagedController controller) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(controller.process.pid()), "GC.run")
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(1, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run failed: " + output);
        }
        List<Double> pools = HEAP_POOL.matcher(send(controller, "GET", "/q/metrics")).results()
                .map(m -> Double.parseDouble(m.group(1))).toList();
        if (pools.isEmpty()) {
            throw new IllegalStateException("no jvm_memory_used_bytes{area=\"heap\"} on /q/metrics");
        }
        return pools.stream().mapToDouble(Double::doubleValue).sum();
    }

    private String send(PackagedController controller, String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(controller, path).timeout(Duration.ofMinutes(1))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpRequest.Builder request(PackagedController controller, String path) {
        return HttpRequest.newBuilder(URI.create(controller.url(path))).header("Authorization", "Bearer " + TOKEN);
    }

    private static void sleepUntil(long started, double seconds) throws InterruptedException {
        long left = started + (long) (seconds * 1e9) - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }
}
