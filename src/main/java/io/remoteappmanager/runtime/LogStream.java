package io.remoteappmanager.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * An app's output as it is read from the engine, pulled a line at a time: the engine is read only as fast as lines are
 * taken, so a slow reader holds no more than a few hundred lines in memory, however fast the app writes.
 */
public interface LogStream extends AutoCloseable {

    /**
     * The next line, waiting at most {@code wait} for it; empty when none came in that time or the stream is over
     * ({@link #over()} tells which).
     */
    Optional<LogLine> next(Duration wait) throws InterruptedException;

    /** Whether every line has been taken and the engine will send no more (the container ended, or it was not followed). */
    boolean over();

    /** Stops reading; the engine's stream is closed. */
    @Override
    void close();
}
