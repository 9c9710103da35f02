package io.remoteappmanager.lifecycle;

import java.time.Duration;

/**
 * Where long-lived parts run their periodic work (the resync, the relist, the engine heartbeat, the git poll, the
 * image and cull checks): quarkus-scheduler in the running controller, a timer for plain-Java entry points, and a
 * hand-driven one in tests, so that a test of timing needs no waiting.
 */
public interface Jobs {

    /**
     * Runs {@code task} every {@code interval}, the first time one interval from now, until the returned job is
     * closed; a run that is due while the last one still runs is skipped.
     *
     * @param name names the job in logs and thread names; unique among the jobs of one controller
     */
    Job every(String name, Duration interval, Runnable task);

    /** One periodic job; closing it ends it (a run under way finishes). */
    interface Job extends AutoCloseable {

        @Override
        void close();
    }
}
