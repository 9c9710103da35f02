package io.remoteappmanager.bench;

import io.remoteappmanager.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged controller ({@code target/quarkus-app/quarkus-run.jar}, built by scripts/bench.sh) in a process of its
 * own on a benchmark realm, run as scripts/run.sh runs it, so what a scenario measures from outside (its API, its
 * {@code /proc}, its metrics) is the product's.
 */
final class PackagedController implements AutoCloseable {

    static final Path APP = Path.of("target/quarkus-app");
    static final Path JAR = APP.resolve("quarkus-run.jar");

    final Process process;
    /** The HTTP port of its API, on loopback. */
    final int port;

    private PackagedController(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it on {@code realm}, with {@code settings} (ram.* keys) beside the realm's, its output into {@code log}. */
    static PackagedController start(BenchRealm realm, Map<String, String> settings, Path log) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run `mvn -B -q package -DskipTests` (scripts/bench.sh does)");
        }
        List<String> command = new ArrayList<>(List.of("java"));
        // The JVM options, malloc setting, directory and class-data archive scripts/run.sh gives the controller.
        String options = "@" + Path.of("config/jvm.options").toAbsolutePath();
        command.addAll(List.of(System.getenv().getOrDefault("JAVA_OPTS", options).trim().split("\\s+")));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-jar", JAR.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(APP.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toAbsolutePath().toFile());
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(realm.environment());
        int port = FreePort.onLoopback();
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.getParent());
            return new PackagedController(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the packaged controller", e);
        }
    }

    /** The URL of {@code path} (starting with a slash) on its API. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Stops it (TERM, then KILL after a minute) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
