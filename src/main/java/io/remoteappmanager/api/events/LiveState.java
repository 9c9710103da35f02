package io.remoteappmanager.api.events;

import io.remoteappmanager.api.AppView;
import io.remoteappmanager.api.StatusView;
import io.remoteappmanager.source.SourceStatus;
import java.util.List;

/**
 * Everything the live stream tells about, at one instant, in the API's own JSON views: what {@link EventDiff}
 * compares. The status carries the last pass, the spec problems, the engine's reachability and the proxy.
 *
 * @param apps   every app, as {@code GET /api/v1/apps} lists them
 * @param status the last pass, as {@code GET /api/v1/status} shows it
 * @param source the spec source's status (a directory's never changes; a git source's revision does)
 */
public record LiveState(List<AppView> apps, StatusView status, SourceStatus source) {

    public LiveState {
        apps = List.copyOf(apps);
    }
}
