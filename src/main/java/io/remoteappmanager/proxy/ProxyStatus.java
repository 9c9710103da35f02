package io.remoteappmanager.proxy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the controller knows of the reverse proxy after its last route synchronisation, for
 * {@code GET /api/v1/status} and the {@code ram.proxy.routes} gauge: how many of our routes CHP holds, and the
 * last error.
 */
public final class ProxyStatus {

    /**
     * One immutable view of the proxy's state.
     *
     * @param enabled   whether {@code ram.proxy.api-url} is set
     * @param routes    routes of our realm in CHP after the last successful synchronisation
     * @param changes   routes added, replaced or deleted by the last successful synchronisation
     * @param refused   route path → why that one route is not as wanted (CHP refused it, or another app holds
     *                  the path), from the last successful synchronisation; the other routes are synchronised
     * @param lastError why the last synchronisation failed as a whole, if it did (cleared by the next success)
     */
    public record Snapshot(boolean enabled, Optional<String> apiUrl, int routes, int changes,
            Map<String, String> refused, Optional<Instant> lastSyncAt, Optional<String> lastError,
            Optional<Instant> lastErrorAt) {

        public Snapshot {
            refused = Map.copyOf(refused);
        }
    }

    private volatile Snapshot snapshot;

    public ProxyStatus(Optional<String> apiUrl) {
        snapshot = new Snapshot(apiUrl.isPresent(), apiUrl, 0, 0, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    void synced(int routes, int changes, Map<String, String> refused, Instant now) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.enabled(), s.apiUrl(), routes, changes, refused, Optional.of(now), Optional.empty(),
                Optional.empty());
    }

    void failed(String error, Instant now) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.enabled(), s.apiUrl(), s.routes(), 0, s.refused(), s.lastSyncAt(), Optional.of(error),
                Optional.of(now));
    }
}
