package io.remoteappmanager.api;

import io.remoteappmanager.status.AppStatus;
import java.time.Instant;
import java.util.List;

/**
 * One app's status as the API shows it: flat fields, absent values as null; {@code imageDigest} is the registry
 * digest of the image its container runs, {@code revision} the commit that container was made from (git source
 * only), {@code network} the network it was placed on, {@code transitions} its last phase changes, oldest first,
 * {@code app} what the image its container runs says of it (null until that image was read).
 */
public record AppView(
        String key,
        String user,
        String mappingId,
        String name,
        String source,
        String phase,
        String message,
        String containerId,
        String image,
        String imageDigest,
        String hostUrl,
        String urlpath,
        String urlId,
        boolean ready,
        String revision,
        Integer exitCode,
        String node,
        String network,
        String lastAction,
        String lastReason,
        Instant lastActionAt,
        String lastError,
        Instant since,
        Instant updated,
        List<TransitionView> transitions,
        AppMetadataView app) {

    public static AppView of(AppStatus s) {
        AppStatus.LastAction last = s.last();
        return new AppView(s.key().toString(), s.key().user(), s.key().mappingId(), s.name().orElse(null),
                s.source().orElse(null), s.phase().name(), s.message(), s.containerId().orElse(null),
                s.image().orElse(null), s.imageDigest().orElse(null), s.hostUrl().orElse(null), s.urlpath().orElse(null), s.urlId().orElse(null),
                s.ready(), s.revision().orElse(null), s.exitCode().isPresent() ? s.exitCode().getAsInt() : null,
                s.node().orElse(null), s.network().orElse(null), last.action().orElse(null), last.reason().orElse(null), last.at().orElse(null),
                last.error().orElse(null), s.since(), s.updated(),
                s.transitions().stream().map(TransitionView::of).toList(),
                s.metadata().map(AppMetadataView::of).orElse(null));
    }
}
