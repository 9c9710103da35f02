package io.remoteappmanager.observe;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.util.Optional;

/** Reads an engine's container into the planner's terms through the label scheme. */
public final class ObservedContainers {

    private ObservedContainers() {}

    /** The container as an app's, or empty for one outside the realm or missing its user or mapping id label. */
    public static Optional<ObservedContainer> from(RuntimeContainer c, LabelScheme labels) {
        Optional<AppKey> key = labels.appKey(c.labels());
        if (key.isEmpty() || !labels.inRealm(c.labels())) {
            return Optional.empty();
        }
        return Optional.of(new ObservedContainer(c.id(), c.name(), key.get(), c.state(), c.image(),
                labels.get(c.labels(), LabelScheme.SPEC_HASH).orElse(""),
                labels.get(c.labels(), LabelScheme.URL_ID).orElse(""),
                labels.get(c.labels(), LabelScheme.URLPATH),
                labels.get(c.labels(), LabelScheme.SOURCE).map(LabelScheme::sourceFile),
                labels.get(c.labels(), LabelScheme.REVISION),
                c.created(), c.endpoint(), c.mounts(), c.exitCode(), c.node(),
                labels.get(c.labels(), LabelScheme.NETWORK), c.detail(), c.restarts(), c.health(), c.imageDigest(),
                c.imageId() == null ? "" : c.imageId()));
    }
}
