package io.remoteappmanager.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Which of an app's output to read, as {@code kubectl logs} asks it.
 *
 * @param tail     at most this many of the last lines (at least 1)
 * @param since    only lines written from then on, or all
 * @param follow   keep reading the lines written from now on, until the reader closes the stream
 * @param previous what was written before the current run instead of the current run: on one engine the earlier runs
 *                 of the container (restarted in place, it keeps them all), on a swarm the service's task before the
 *                 current one; it has ended, so it is never followed
 */
public record LogQuery(int tail, Optional<Instant> since, boolean follow, boolean previous) {

    public LogQuery {
        if (tail < 1) {
            throw new IllegalArgumentException("tail must be at least 1, got " + tail);
        }
    }

    /** Whether lines keep coming after the last one written so far. */
    public boolean follows() {
        return follow && !previous;
    }
}
