package io.remoteappmanager.status;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The reverse proxy as route sync last left it, part of the status so that the API, the event stream and the
 * dashboard read it from the one snapshot: how many of our routes CHP holds, the routes it refused, and why the last
 * synchronisation failed. Only route sync writes it, through the {@link StatusBoard}.
 *
 * @param enabled   whether {@code ram.proxy.api-url} is set
 * @param routes    routes of our realm in CHP after the last successful synchronisation
 * @param changes   routes added, replaced or deleted by the last successful synchronisation
 * @param refused   route path → why that one route is not as wanted (CHP refused it, or another app holds the
 *                  path), from the last successful synchronisation; the other routes are synchronised
 * @param lastError why the last synchronisation failed as a whole, if it did (cleared by the next success)
 */
public record ProxyState(boolean enabled, Optional<String> apiUrl, int routes, int changes, Map<String, String> refused,
        Optional<Instant> lastSyncAt, Optional<String> lastError, Optional<Instant> lastErrorAt) {

    public ProxyState {
        refused = Map.copyOf(refused);
    }

    /** Before any synchronisation, with CHP at {@code apiUrl} or without a proxy. */
    public static ProxyState initial(Optional<String> apiUrl) {
        return new ProxyState(apiUrl.isPresent(), apiUrl, 0, 0, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** After a synchronisation that reached CHP at {@code now}. */
    public ProxyState synced(int ours, int changed, Map<String, String> refusedNow, Instant now) {
        return new ProxyState(enabled, apiUrl, ours, changed, refusedNow, Optional.of(now), Optional.empty(),
                Optional.empty());
    }

    /** After a synchronisation that failed as a whole at {@code now}: what the last success left stays. */
    public ProxyState failed(String error, Instant now) {
        return new ProxyState(enabled, apiUrl, routes, 0, refused, lastSyncAt, Optional.of(error), Optional.of(now));
    }
}
