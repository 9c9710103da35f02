package io.remoteappmanager.proxy;

import java.util.Optional;

/**
 * One entry of CHP's routing table.
 *
 * @param path  the routed path prefix, as CHP stores it: percent-decoded, no trailing slash
 * @param realm the value of {@link ChpClient#MARKER}: the realm of the controller that owns the route,
 *              empty for a route no controller marked (the hub's own, for example)
 * @param app   the value of {@link ChpClient#APP_MARKER}: the app ({@code user/mappingId}) the route was made for,
 *              empty for a route from a version that did not mark it
 */
public record ProxyRoute(String path, String target, Optional<String> realm, Optional<String> app) {

    public boolean ownedBy(String ourRealm) {
        return realm.filter(ourRealm::equals).isPresent();
    }
}
