package io.remoteappmanager.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Network;
import io.remoteappmanager.runtime.ContainerRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The benchmark's one clean-up: removes (forcibly) every container a listing finds, 8 at a time, and lists again
 * until it finds none, within {@link BenchDeadline#forContainers} of what it found first; throws naming what is left,
 * and throws {@link Stalled} as soon as no container has been removed for {@link #STALL}.
 */
final class EngineSweep {

    static final int PARALLELISM = 8;
    /** Far beyond one forced removal (a stop of at most the stop timeout, then a remove): the engine has stalled. */
    static final Duration STALL = Duration.ofMinutes(2);

    /** The engine stopped removing containers: it needs a restart ({@code scripts/engine.sh recover}). */
    static final class Stalled extends IllegalStateException {
        Stalled(String message) {
            super(message);
        }

        /** Whether {@code failure}, its causes or what was suppressed by it is a stall. */
        static boolean in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof Stalled) {
                    return true;
                }
                for (Throwable suppressed : t.getSuppressed()) {
                    if (in(suppressed)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private EngineSweep() {}

    /** Removes everything {@code listing} finds (container ids); {@code what} names it in messages. */
    static void removeAll(String what, ContainerRuntime runtime, Supplier<List<String>> listing) {
        removeAll(what, runtime, listing, STALL);
    }

    /** {@link #removeAll(String, ContainerRuntime, Supplier)}, a stall being {@code stall} without a removal. */
    static void removeAll(String what, ContainerRuntime runtime, Supplier<List<String>> listing, Duration stall) {
        List<String> ids = listing.get();
        if (ids.isEmpty()) {
            return;
        }
        Duration limit = BenchDeadline.forContainers(ids.size());
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, BenchDeadline.daemonThreads("bench-sweep"));
        AtomicLong lastRemoved = new AtomicLong(System.nanoTime());
        try {
            while (!ids.isEmpty()) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException(what + ": " + ids.size() + " containers still there after "
                            + limit.toSeconds() + " s of removing");
                }
                List<Future<?>> removals = new ArrayList<>();
                ids.forEach(id -> removals.add(pool.submit(() -> {
                    runtime.remove(id);
                    lastRemoved.set(System.nanoTime());
                })));
                awaitAll(what, removals, deadline, lastRemoved, stall);
                ids = listing.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Removes a network of the benchmark's. One the engine refuses with "has active endpoints" while it lists no
     * container on it is left, with a note: dockerd 20.10 can keep a stale endpoint after many containers on one
     * network are removed at once (seen after noop-1000), which only a dockerd restart clears, and such an empty
     * network must not fail every scenario after it.
     */
    static void removeNetwork(DockerClient docker, Network network) {
        try {
            docker.removeNetworkCmd(network.getId()).exec();
        } catch (DockerException e) {
            Network now = docker.inspectNetworkCmd().withNetworkId(network.getId()).exec();
            boolean empty = now.getContainers() == null || now.getContainers().isEmpty();
            if (!empty || e.getMessage() == null || !e.getMessage().contains("active endpoints")) {
                throw e;
            }
            System.out.println("== note: network " + network.getName() + " is left: the engine says it has active "
                    + "endpoints but lists no container on it (a stale endpoint; restarting dockerd clears it)");
        }
    }

    /**
     * Waits for each removal until the deadline; a failed one is tried again after the next listing.
     *
     * @throws Stalled when no container was removed for {@code stall}: the engine has stopped answering stops and
     *                 removes (each call then fails on its own deadline, so failures alone do not show it)
     */
    private static void awaitAll(String what, List<Future<?>> removals, long deadline, AtomicLong lastRemoved,
            Duration stall) {
        try {
            for (Future<?> removal : removals) {
                while (true) {
                    long now = System.nanoTime();
                    long stallAt = lastRemoved.get() + stall.toNanos();
                    if (now - stallAt >= 0) {
                        removals.forEach(r -> r.cancel(true));
                        throw new Stalled(what + ": the engine removed no container in " + stall.toMillis()
                                + " ms; it has stalled");
                    }
                    try {
                        removal.get(Math.max(0, Math.min(deadline - now, stallAt - now)), TimeUnit.NANOSECONDS);
                        break;
                    } catch (ExecutionException e) {
                        System.err.println("bench: a removal failed, trying again: " + e.getCause());
                        break;
                    } catch (TimeoutException e) {
                        if (System.nanoTime() - deadline >= 0) {
                            throw e;
                        }
                    }
                }
            }
        } catch (TimeoutException e) {
            removals.forEach(r -> r.cancel(true));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while removing containers", e);
        }
    }
}
