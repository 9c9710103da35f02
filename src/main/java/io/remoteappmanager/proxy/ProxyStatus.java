package io.remoteappmanager.proxy;

import java.time.Instant;
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
     * @param lastError why the last synchronisation failed, if it did (cleared by the next success)
     */
    public record Snapshot(boolean enabled, Optional<String> apiUrl, int routes, int changes,
            Optional<Instant> lastSyncAt, Optional<String> lastError, Optional<Instant> lastErrorAt) {}

    private volatile Snapshot snapshot;

    public ProxyStatus(Optional<String> apiUrl) {
        snapshot = new Snapshot(apiUrl.isPresent(), apiUrl, 0, 0, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    void synced(int routes, int changes, Instant now) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.enabled(), s.apiUrl(), routes, changes, Optional.of(now), Optional.empty(), Optional.empty());
    }

    void failed(String error, Instant now) {
        Snapshot s = snapshot;
        snapshot = new Snapshot(s.enabled(), s.apiUrl(), s.routes(), 0, s.lastSyncAt(), Optional.of(error), Optional.of(now));
    }
}
