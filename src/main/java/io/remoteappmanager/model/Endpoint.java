package io.remoteappmanager.model;

/**
 * Where an app's web server is reached from the controller and the proxy: a host address (the published host IP,
 * or a swarm node's address) and a port. The one place that turns them into a URL, so IPv6 is always bracketed.
 */
public record Endpoint(String host, int port) {

    /** {@code http://host:port}, with an IPv6 host in brackets. */
    public String url() {
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }

    @Override
    public String toString() {
        return url();
    }
}
