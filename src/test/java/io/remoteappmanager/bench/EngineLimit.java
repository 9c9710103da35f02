package io.remoteappmanager.bench;

import com.github.dockerjava.api.DockerClient;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.docker.DockerRuntimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Anchor (a), the engine's own limit: the same engine operations the controller ends up sending, driven
 * straight through the runtime interface with the same parallelism, and no controller logic at all.
 */
final class EngineLimit {

    private final DockerClient docker;
    private final int parallelism;
    private final Duration stopTimeout;

    EngineLimit(DockerClient docker, int parallelism, Duration stopTimeout) {
        this.docker = docker;
        this.parallelism = parallelism;
        this.stopTimeout = stopTimeout;
    }

    /** The engine's own create and start of exactly the container the controller would launch: two API calls. */
    Runnable createStart(ContainerRequest request) {
        return () -> docker.startContainerCmd(DockerRuntimes.createCommand(docker, request).exec().getId()).exec();
    }

    Runnable stopRemove(String id) {
        return () -> {
            docker.stopContainerCmd(id).withTimeout((int) stopTimeout.toSeconds()).exec();
            docker.removeContainerCmd(id).withForce(true).exec();
        };
    }

    Runnable recreate(String id, ContainerRequest request) {
        return () -> {
            stopRemove(id).run();
            createStart(request).run();
        };
    }

    /** {@link #inParallel} at this anchor's parallelism. */
    double run(List<Runnable> operations) {
        return inParallel(parallelism, operations);
    }

    /**
     * Runs the operations {@code parallelism} at a time and returns the wall time in milliseconds; gives up (and
     * abandons the calls still running) past {@link BenchDeadline#forContainers} of the operations.
     */
    static double inParallel(int parallelism, List<Runnable> operations) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, BenchDeadline.daemonThreads("bench-engine-limit"));
        Duration limit = BenchDeadline.forContainers(operations.size());
        int finished = 0;
        try {
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            List<Future<?>> done = new ArrayList<>();
            operations.forEach(op -> done.add(pool.submit(op)));
            for (Future<?> f : done) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                finished++;
            }
            return Stats.since(start);
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine-limit run timed out after " + limit.toSeconds() + " s with "
                    + finished + " of " + operations.size() + " operations done");
        } catch (Exception e) {
            throw new IllegalStateException("engine-limit run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    double createStartAll(List<ContainerRequest> requests) {
        return run(requests.stream().map(this::createStart).toList());
    }
}
