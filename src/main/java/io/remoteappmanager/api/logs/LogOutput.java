package io.remoteappmanager.api.logs;

import io.remoteappmanager.runtime.LogLine;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes an open log stream to the response on the request's worker thread, a line as it is taken: a slow client
 * slows the write, the write slows the read from the engine, so nothing piles up in memory. Lines are flushed whenever
 * none is waiting; the stream ends when the engine's does, when no line came for the idle limit, or when the client
 * goes away (the next write fails).
 */
final class LogOutput implements StreamingOutput {

    private final String app;
    private final AppLogs.OpenLogs logs;
    private final LogFormat format;
    private final Duration idleLimit;

    LogOutput(String app, AppLogs.OpenLogs logs, LogFormat format, Duration idleLimit) {
        this.app = app;
        this.logs = logs;
        this.format = format;
        this.idleLimit = idleLimit;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (var stream = logs.stream()) {
            format.opened(app, out);
            if (logs.first().isPresent()) {
                format.write(logs.first().get(), out);
            }
            while (true) {
                Optional<LogLine> line = stream.next(Duration.ZERO);
                if (line.isEmpty()) {
                    out.flush();
                    if (stream.over()) {
                        return;
                    }
                    line = stream.next(idleLimit);
                    if (line.isEmpty()) {
                        return; // the engine's stream ended, or nothing came for the idle limit
                    }
                }
                format.write(line.get(), out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while reading the output of " + app);
        } finally {
            logs.done().run();
        }
    }
}
