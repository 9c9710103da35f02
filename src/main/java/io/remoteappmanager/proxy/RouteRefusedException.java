package io.remoteappmanager.proxy;

/**
 * CHP answered, but refused one route (or its path makes no request URL): unlike an unreachable proxy, this
 * concerns that route alone, so the other routes are still synchronised.
 */
public class RouteRefusedException extends ProxyException {

    public RouteRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
