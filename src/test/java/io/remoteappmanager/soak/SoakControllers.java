package io.remoteappmanager.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.remoteappmanager.testing.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two controllers of the soak's realm, each the packaged application in a process of its own with its own HTTP
 * port and git cache, so that the soak can pause, kill and restart them as an operator's host would, and read their
 * status, metrics and {@code /proc} from outside.
 */
final class SoakControllers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUEUE = Pattern.compile("(?m)^ram_reconcile_queue(?:\\{[^}]*})? ([0-9.eE+-]+)$");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)$");
    /** A thread's line in a thread dump starts with its name in quotes. */
    private static final Pattern THREAD = Pattern.compile("(?m)^\"([^\"]+)\"");
    /** The controllers' heap, fixed in size and touched at start, so resident memory grows only with what they hold. */
    private static final String HEAP_SIZE = "256m";

    /** One controller: its process (replaced on restart) and its port. */
    static final class Member {
        final int port;
        final Path gitDir;
        Process process;
        boolean paused;

        Member(int port, Path gitDir) {
            this.port = port;
            this.gitDir = gitDir;
        }
    }

    private final Path jar;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Member> members = new ArrayList<>();

    SoakControllers(Path jar, Map<String, String> settings, Path work) throws IOException {
        this.jar = jar;
        this.settings = settings;
        for (int i = 0; i < 2; i++) {
            members.add(new Member(FreePort.onLoopback(), Files.createDirectories(work.resolve("git-" + i))));
        }
    }

    void startAll() throws IOException {
        for (Member m : members) {
            start(m);
        }
    }

    void start(Member m) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + HEAP_SIZE, "-Xmx" + HEAP_SIZE, "-XX:+AlwaysPreTouch", "-Dquarkus.http.port=" + m.port, "-Dram.git.dir=" + m.gitDir));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target", "bench", "soak-controller-" + m.port + ".log");
        m.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        m.paused = false;
    }

    /** The member that says it leads, if one answers so. */
    Optional<Member> leader() {
        return members.stream().filter(m -> !m.paused && m.process.isAlive())
                .filter(m -> role(m).filter("leader"::equals).isPresent())
                .findFirst();
    }

    /** The role the member says it has ({@code leader}, {@code standby}); empty when it does not answer. */
    Optional<String> role(Member m) {
        return status(m).map(s -> s.path("leader").path("role").asText());
    }

    Optional<JsonNode> status(Member m) {
        return get(m, "/api/v1/status").flatMap(SoakControllers::json);
    }

    Optional<JsonNode> apps(Member m) {
        return get(m, "/api/v1/apps").flatMap(SoakControllers::json);
    }

    /** The work queue's depth from the member's metrics; empty when it does not answer. */
    Optional<Double> queueDepth(Member m) {
        return get(m, "/q/metrics").map(QUEUE::matcher).filter(Matcher::find).map(q -> Double.parseDouble(q.group(1)));
    }

    /** The heap the controller uses right after a full collection it is told to make ({@code jcmd GC.run}), in bytes. */
    Optional<Double> heapAfterGc(Member m) throws IOException, InterruptedException {
        return jcmd(m, "GC.run").flatMap(done -> get(m, "/q/metrics")).map(metrics -> HEAP.matcher(metrics).results()
                .mapToDouble(r -> Double.parseDouble(r.group(1))).sum());
    }

    /**
     * The controller's threads counted by name, numbers made {@code N} ({@code ram-worker-N: 8}), from a thread dump
     * ({@code jcmd Thread.print}): what a growing thread count is made of.
     */
    Map<String, Integer> threadsByName(Member m) throws IOException, InterruptedException {
        Map<String, Integer> names = new TreeMap<>();
        jcmd(m, "Thread.print").ifPresent(dump -> THREAD.matcher(dump).results()
                .forEach(t -> names.merge(t.group(1).replaceAll("[0-9]+", "N"), 1, Integer::sum)));
        return names;
    }

    /** What {@code jcmd <pid> <command>} printed; empty when it failed. */
    private Optional<String> jcmd(Member m, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(m.process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return run.waitFor() == 0 ? Optional.of(output) : Optional.empty();
    }

    void signal(Member m, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(m.process.pid())).start().waitFor();
        m.paused = signal.equals("STOP") || (m.paused && !signal.equals("CONT"));
    }

    private Optional<String> get(Member m, String path) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? Optional.of(answer.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> json(String body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        for (Member m : members) {
            if (m.process != null) {
                try {
                    signal(m, "CONT");
                } catch (IOException | InterruptedException e) {
                    // it is destroyed next either way
                }
                m.process.destroy();
            }
        }
    }
}
