package io.remoteappmanager.bench;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * How long anything the benchmark waits for may take, scaled with the number of containers it concerns: a minute,
 * plus a second per container (the engine alone manages about 3 a second, 8 at a time, on a loaded 2-core box).
 * Past it the waiting side gives up, cleans up and reports a FAILED row instead of hanging.
 */
final class BenchDeadline {

    private BenchDeadline() {}

    static Duration forContainers(int containers) {
        return Duration.ofSeconds(60 + Math.max(0, containers));
    }

    /** Threads that never keep the JVM alive: an engine call stuck past a deadline is abandoned, not waited for. */
    static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
