package io.remoteappmanager.runtime;

/** One line an app's process wrote, without its line end, and whether it went to stdout or stderr. */
public record LogLine(Source source, String text) {

    /** The output stream a line was written to; its name in lower case is the line's SSE event name. */
    public enum Source {
        STDOUT, STDERR;

        public String eventName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
