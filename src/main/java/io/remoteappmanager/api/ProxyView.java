package io.remoteappmanager.api;

import io.remoteappmanager.status.ProxyState;
import java.time.Instant;
import java.util.Map;

/** The reverse proxy as the last route synchronisation left it, so an operator sees routes lagging or CHP failing. */
public record ProxyView(boolean enabled, String apiUrl, int routes, int changes, Map<String, String> refusedRoutes,
        Instant lastSyncAt, String lastError, Instant lastErrorAt) {

    static ProxyView of(ProxyState s) {
        return new ProxyView(s.enabled(), s.apiUrl().orElse(null), s.routes(), s.changes(), s.refused(),
                s.lastSyncAt().orElse(null), s.lastError().orElse(null), s.lastErrorAt().orElse(null));
    }
}
