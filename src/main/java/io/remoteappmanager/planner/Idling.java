package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.ProxyActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the planner needs to stop apps nobody uses and to start them again on request: whether culling is on at all
 * (it needs the proxy, which alone sees the requests), the idle timeout of apps whose spec sets none, what the proxy
 * last said of its quiet routes, and the latest wake request for each app.
 *
 * @param wakes the latest wake request for an app, by key
 */
public record Idling(boolean enabled, Optional<Duration> defaultTimeout, ProxyActivity activity,
        Function<AppKey, Optional<Instant>> wakes) {

    /** No culling: every app runs as its restartPolicy says. */
    public static final Idling OFF = new Idling(false, Optional.empty(), ProxyActivity.NONE, key -> Optional.empty());

    /** The idle timeout in force for {@code spec}, if it is culled at all. */
    public Optional<Duration> timeout(AppSpec spec) {
        return enabled ? spec.idleTimeout().or(this::defaultTimeout) : Optional.empty();
    }
}
