package io.remoteappmanager.api.logs;

import io.remoteappmanager.runtime.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** How the logs endpoint writes a line: as written, or as one Server-Sent Event named after its stream. */
enum LogFormat {

    /** {@code text/plain}: each line as written, stdout and stderr interleaved, ended by a newline. */
    PLAIN {
        @Override
        void write(LogLine line, OutputStream out) throws IOException {
            out.write((line.text() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    },

    /**
     * {@code text/event-stream}: event {@code stdout} or {@code stderr}, the line its data; a carriage return, which
     * would end an SSE line, splits the data into lines, which a client joins with newlines.
     */
    EVENTS {
        @Override
        void write(LogLine line, OutputStream out) throws IOException {
            StringBuilder event = new StringBuilder("event: ").append(line.source().eventName()).append('\n');
            for (String part : line.text().split("\r", -1)) {
                event.append("data: ").append(part).append('\n');
            }
            out.write(event.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        void opened(String app, OutputStream out) throws IOException {
            out.write((": logs of " + app + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
    };

    abstract void write(LogLine line, OutputStream out) throws IOException;

    /** What goes out before the first line, so a client learns at once that the stream is open. */
    void opened(String app, OutputStream out) throws IOException {}
}
