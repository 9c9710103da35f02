package io.remoteappmanager.readiness;

import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.ObservedContainer;
import java.util.Optional;

/**
 * What a verdict belongs to: a container and the address it is served at (none before it is published), so a
 * container served somewhere else is probed again there. A record, because every pass looks up every container's
 * verdict: hashing a container id and an endpoint costs nothing, building a URL string for each lookup did.
 */
record ProbeKey(String containerId, Optional<Endpoint> endpoint) {

    static ProbeKey of(ObservedContainer container) {
        return new ProbeKey(container.id(), container.endpoint());
    }

    @Override
    public String toString() {
        return containerId + endpoint.map(e -> " at " + e.url()).orElse("");
    }
}
