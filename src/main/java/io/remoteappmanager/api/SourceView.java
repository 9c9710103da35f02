package io.remoteappmanager.api;

import io.remoteappmanager.source.SourceStatus;
import java.time.Instant;

/**
 * The spec source in {@code GET /api/v1/status}: which commit is in force (for "is my merge live?"), when the remote
 * last answered, and why the last fetch failed. {@code url} is the directory's path for a directory source; it
 * never holds a credential.
 */
public record SourceView(String type, String url, String ref, String revision, String author, String message,
        Instant committedAt, Instant fetchedAt, String lastError) {

    public static SourceView of(SourceStatus s) {
        return new SourceView(s.type(), s.location(), s.ref().orElse(null), s.revision().orElse(null),
                s.author().orElse(null), s.message().orElse(null), s.committedAt().orElse(null),
                s.fetchedAt().orElse(null), s.lastError().orElse(null));
    }
}
