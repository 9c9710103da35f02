package io.remoteappmanager.bench;

import io.remoteappmanager.runtime.ContainerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Anchor (b): docker-compose 1.29 bringing up the same N services (same image, init, published port on
 * loopback, same limits) as one project, and its no-op {@code up -d}; {@link #close} runs {@code down}.
 * Every command has a time limit ({@link BenchDeadline} of N): past it, compose is killed and the command
 * fails with the reason; when {@code down} fails too, the project is removed through the engine's API.
 */
final class ComposeAnchor implements AutoCloseable {

    private final Path file;
    private final Path log;
    private final String project;
    private final Duration limit;
    /**
     * COMPOSE_PARALLEL_LIMIT: above twice the services. Compose 1.29 holds one global semaphore (64 by default) in
     * each service's task while that task waits for a slot for its container, so past about 64 services every slot
     * is held by a waiting task and {@code up} deadlocks (docker/compose#7486, #8161: it stalled at 46 to 57 of 200).
     */
    private final int parallelLimit;
    private boolean up;

    ComposeAnchor(String project, List<ContainerRequest> requests) {
        this.project = project;
        this.limit = BenchDeadline.forContainers(requests.size());
        this.parallelLimit = Math.max(64, 2 * requests.size() + 2);
        StringBuilder yaml = new StringBuilder("version: \"2.4\"\nservices:\n");
        for (int i = 0; i < requests.size(); i++) {
            ContainerRequest r = requests.get(i);
            yaml.append(String.format(Locale.ROOT, "  s%05d:%n    image: %s%n    init: %s%n"
                            + "    ports: [\"%s::%d\"]%n    mem_limit: %d%n    cpus: %s%n    pids_limit: %d%n"
                            + "    labels: {bench: \"%s\"}%n",
                    i, r.image(), r.security().init(), r.hostIp(), r.containerPort(), r.limits().memoryBytes(),
                    r.limits().cpus(), r.limits().pids(), project));
        }
        try {
            file = Files.createTempFile("ram-bench-compose-", ".yml");
            log = Files.createTempFile("ram-bench-compose-", ".log");
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compose file", e);
        }
    }

    /** {@code docker-compose up -d}, in milliseconds. */
    double up() {
        up = true;
        long start = System.nanoTime();
        compose("up", "-d");
        return Stats.since(start);
    }

    private void compose(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "-p", project, "-f", file.toString()));
        command.addAll(List.of(args));
        String what = "docker-compose " + String.join(" ", args) + " (" + project + ")";
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("COMPOSE_PARALLEL_LIMIT", Integer.toString(parallelLimit));
            // Compose gives up on one engine call after 60 s by default, which a busy engine answering 200 creates
            // exceeded twice on 2026-12-05; the scenario's own deadline still bounds the whole command.
            builder.environment().put("COMPOSE_HTTP_TIMEOUT", Long.toString(limit.toSeconds()));
            Process p = builder.start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(what + " timed out after " + limit.toSeconds() + " s and was killed; "
                        + lastLine());
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + lastLine());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run docker-compose (scripts/bench.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        }
    }

    private String lastLine() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "no output" : "last output: " + lines.get(lines.size() - 1).strip();
    }

    @Override
    public void close() {
        try {
            if (up) {
                compose("down", "-t", "1");
            }
        } catch (RuntimeException e) {
            System.out.println("== cleanup: " + e.getMessage() + "; removing the project through the engine's API");
            new Leftovers(project).remove("after docker-compose down failed");
        } finally {
            file.toFile().delete();
            log.toFile().delete();
        }
    }
}
