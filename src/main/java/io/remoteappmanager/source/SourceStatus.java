package io.remoteappmanager.source;

import java.time.Instant;
import java.util.Optional;

/**
 * A source as the status API shows it: its kind and location, the version it read last (a git commit; nothing for
 * a directory) and why it could not read a newer one. Never holds a credential.
 *
 * @param type      {@code directory} or {@code git}
 * @param location  the directory's path, or the repository URL without credentials
 * @param lastError why the last attempt to read a new version failed, if it did (the last good one stays)
 */
public record SourceStatus(
        String type,
        String location,
        Optional<String> ref,
        Optional<String> revision,
        Optional<String> author,
        Optional<String> message,
        Optional<Instant> committedAt,
        Optional<Instant> fetchedAt,
        Optional<String> lastError) {

    /** A directory: no versions, just the path. */
    public static SourceStatus directory(String path) {
        return new SourceStatus("directory", path, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
