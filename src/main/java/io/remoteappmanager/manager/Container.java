package io.remoteappmanager.manager;

import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.util.Map;
import java.util.Optional;

/**
 * A container of this realm as the seed's API returns it: engine identity plus what its labels say
 * (user, mapping id, url id, urlpath) and where it is published.
 */
public record Container(
        String dockerId,
        String name,
        String imageName,
        String imageId,
        String user,
        String mappingId,
        String urlId,
        String urlpath,
        String realm,
        String hostIp,
        int hostPort,
        String state,
        Map<String, String> labels) {

    /** Reads a runtime container through the label scheme; absent labels become empty strings. */
    public static Container of(RuntimeContainer c, LabelScheme scheme) {
        Map<String, String> l = c.labels();
        Optional<Endpoint> endpoint = c.endpoint();
        return new Container(c.id(), c.name(), c.image(), c.imageId(),
                scheme.get(l, LabelScheme.USER).orElse(""),
                scheme.get(l, LabelScheme.MAPPING_ID).orElse(""),
                scheme.get(l, LabelScheme.URL_ID).orElse(""),
                scheme.get(l, LabelScheme.URLPATH).orElse(""),
                scheme.get(l, LabelScheme.REALM).orElse(""),
                endpoint.map(Endpoint::host).orElse(""),
                endpoint.map(Endpoint::port).orElse(0),
                c.state().name().toLowerCase(java.util.Locale.ROOT),
                Map.copyOf(l));
    }

    /** {@code http://<hostIp>:<hostPort>}, where the reverse proxy sends this app's traffic. */
    public String hostUrl() {
        return new Endpoint(hostIp, hostPort).url();
    }
}
