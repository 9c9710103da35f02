package io.remoteappmanager.proxy;

import java.util.Optional;

/**
 * One entry of CHP's routing table.
 *
 * @param path  the routed path prefix, as CHP stores it (no trailing slash)
 * @param realm the value of {@link ChpClient#MARKER}: the realm of the controller that owns the route,
 *              empty for a route no controller marked (the hub's own, for example)
 */
public record ProxyRoute(String path, String target, Optional<String> realm) {

    public boolean ownedBy(String ourRealm) {
        return realm.filter(ourRealm::equals).isPresent();
    }
}
