package io.remoteappmanager.api;

import io.remoteappmanager.status.AppStatus;
import java.time.Instant;

/** One app's status as the API shows it: flat fields, absent values as null. */
public record AppView(
        String key,
        String user,
        String mappingId,
        String name,
        String source,
        String phase,
        String message,
        String containerId,
        String hostUrl,
        String urlpath,
        String urlId,
        String lastAction,
        String lastReason,
        Instant lastActionAt,
        String lastError,
        Instant since,
        Instant updated) {

    public static AppView of(AppStatus s) {
        return new AppView(s.key().toString(), s.key().user(), s.key().mappingId(), s.name().orElse(null),
                s.source().orElse(null), s.phase().name(), s.message(), s.containerId().orElse(null),
                s.hostUrl().orElse(null), s.urlpath().orElse(null), s.urlId().orElse(null),
                s.lastAction().orElse(null), s.lastReason().orElse(null), s.lastActionAt().orElse(null),
                s.lastError().orElse(null), s.since(), s.updated());
    }
}
