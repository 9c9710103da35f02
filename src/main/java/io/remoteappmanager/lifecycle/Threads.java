package io.remoteappmanager.lifecycle;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The one maker of the controller's threads: each is a named daemon thread ({@code ram-<name>}, numbered where a
 * pool has several), so a thread dump says who is who, none keeps the JVM alive on its own, and an exception that
 * escapes one is logged instead of lost. No other package creates a thread or an executor.
 */
public final class Threads {

    private static final Logger LOG = Logger.getLogger(Threads.class);

    private Threads() {}

    /** A factory of daemon threads named {@code ram-<name>} (then {@code ram-<name>-2}, {@code -3}, ...). */
    public static ThreadFactory named(String name) {
        AtomicInteger made = new AtomicInteger();
        return task -> {
            int n = made.incrementAndGet();
            Thread thread = new Thread(task, n == 1 ? "ram-" + name : "ram-" + name + "-" + n);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "thread %s died", t.getName()));
            return thread;
        };
    }

    /** Starts a thread of its own for a long-running loop. */
    public static Thread start(String name, Runnable loop) {
        Thread thread = named(name).newThread(loop);
        thread.start();
        return thread;
    }

    /** A fixed pool of {@code size} threads. */
    public static ExecutorService pool(String name, int size) {
        return Executors.newFixedThreadPool(size, named(name));
    }

    /** A pool that grows with the work handed to it and lets idle threads go (one per call under way). */
    public static ExecutorService elastic(String name) {
        return Executors.newCachedThreadPool(named(name));
    }

    /** One thread that runs its tasks in order, now or after a delay. */
    public static ScheduledExecutorService serial(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }
}
