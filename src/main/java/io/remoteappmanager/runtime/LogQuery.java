package io.remoteappmanager.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Which of an app's output to read, as {@code kubectl logs} asks it.
 *
 * @param tail     at most this many of the last lines (at least 1)
 * @param since    only lines written from then on, or all
 * @param follow   keep reading the lines written from now on, until the reader closes the stream
 * @param previous the container's (a swarm: the service's task's) run before the current one, instead of the current;
 *                 it has ended, so it is never followed
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
