package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import java.time.Instant;
import java.util.Optional;

/**
 * What an operator wants to know about one app: where it stands, where it is served, and what the
 * controller last did to it and why. Immutable; the store swaps whole values.
 */
public record AppStatus(
        AppKey key,
        Optional<String> name,
        Optional<String> source,
        Phase phase,
        String message,
        Optional<String> containerId,
        Optional<String> urlId,
        Optional<String> urlpath,
        Optional<String> hostUrl,
        Optional<String> revision,
        Optional<String> lastAction,
        Optional<String> lastReason,
        Optional<Instant> lastActionAt,
        Optional<String> lastError,
        Instant since,
        Instant updated) {

    static AppStatus initial(AppKey key, Phase phase, String message, Instant now) {
        return new AppStatus(key, Optional.empty(), Optional.empty(), phase, message, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    AppStatus withPhase(Phase newPhase, String newMessage, Instant now) {
        Instant newSince = newPhase == phase ? since : now;
        return new AppStatus(key, name, source, newPhase, newMessage, containerId, urlId, urlpath, hostUrl, revision,
                lastAction, lastReason, lastActionAt, lastError, newSince, now);
    }

    AppStatus withSpec(Optional<String> newName, Optional<String> newSource) {
        return new AppStatus(key, newName, newSource, phase, message, containerId, urlId, urlpath, hostUrl, revision,
                lastAction, lastReason, lastActionAt, lastError, since, updated);
    }

    /** @param newRevision the commit the container was made from (its {@code revision} label) */
    AppStatus withContainer(Optional<String> id, Optional<String> newUrlId, Optional<String> newUrlpath,
            Optional<String> newHostUrl, Optional<String> newRevision) {
        return new AppStatus(key, name, source, phase, message, id, newUrlId, newUrlpath, newHostUrl, newRevision,
                lastAction, lastReason, lastActionAt, lastError, since, updated);
    }

    AppStatus withAction(String action, String reason, Optional<String> error, Instant now) {
        return new AppStatus(key, name, source, phase, message, containerId, urlId, urlpath, hostUrl, revision,
                Optional.of(action), Optional.of(reason), Optional.of(now), error, since, now);
    }
}
