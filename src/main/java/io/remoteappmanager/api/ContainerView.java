package io.remoteappmanager.api;

import io.remoteappmanager.manager.Container;

/** A running container of the realm as the seed's lookups return it, with where the proxy reaches it. */
public record ContainerView(
        String id,
        String name,
        String image,
        String user,
        String mappingId,
        String urlId,
        String urlpath,
        String hostUrl,
        String state) {

    static ContainerView of(Container c) {
        return new ContainerView(c.dockerId(), c.name(), c.imageName(), c.user(), c.mappingId(), c.urlId(),
                c.urlpath(), c.hostUrl(), c.state());
    }
}
