package io.remoteappmanager.bench;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * How long anything the benchmark waits for may take, scaled with the number of containers it concerns: a minute,
 * plus two seconds per container (the engine alone manages about 3 a second, 8 at a time, on a loaded 2-core box, but
 * only about 1.2 a second on its way to 1,000 published containers: 852 s for the no-op realm in one run, and 975 of
 * 1,000 done when a minute plus a second each ran out in another).
 * Past it the waiting side gives up, cleans up and reports a FAILED row instead of hanging.
 */
final class BenchDeadline {

    private BenchDeadline() {}

    static Duration forContainers(int containers) {
        return Duration.ofSeconds(60 + 2L * Math.max(0, containers));
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
