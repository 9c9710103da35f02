package io.remoteappmanager.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the reverse proxy said, at one moment, about the routes that had been quiet for a while: when each last
 * carried a request. The planner stops an app only on this evidence; a route the proxy did not list (used since, or
 * absent) counts as in use.
 *
 * @param checkedAt when the proxy was asked
 * @param quiet     route key (the percent-decoded urlpath, as the proxy files it) → the quiet route there
 */
public record ProxyActivity(Instant checkedAt, Map<String, QuietRoute> quiet) {

    /** Nothing known: no app counts as idle. */
    public static final ProxyActivity NONE = new ProxyActivity(Instant.EPOCH, Map.of());

    public ProxyActivity {
        quiet = Map.copyOf(quiet);
    }

    /** A route the proxy listed as quiet: where it leads, and when it last carried a request. */
    public record QuietRoute(String target, Instant lastActivity) {}

    /** When the route at {@code urlpath} leading to {@code target} last carried a request, if it was listed as quiet. */
    public Optional<Instant> lastActivity(String urlpath, Endpoint target) {
        QuietRoute route = quiet.get(UrlPaths.decoded(urlpath));
        return route != null && route.target().equals(target.url()) ? Optional.of(route.lastActivity()) : Optional.empty();
    }
}
