package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.runtime.RuntimeContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the engine's listing of this realm into the planner's terms, through the label scheme. */
final class ObservedContainers {

    private ObservedContainers() {}

    /** Every listed container that carries a user and mapping id; the others have no key and are left alone. */
    static List<ObservedContainer> from(List<RuntimeContainer> listed, LabelScheme labels) {
        List<ObservedContainer> observed = new ArrayList<>(listed.size());
        for (RuntimeContainer c : listed) {
            Optional<AppKey> key = labels.appKey(c.labels());
            if (key.isEmpty() || !labels.inRealm(c.labels())) {
                continue;
            }
            Optional<String> sourceFile = labels.get(c.labels(), LabelScheme.SOURCE)
                    .map(source -> source.contains("#") ? source.substring(0, source.indexOf('#')) : source);
            observed.add(new ObservedContainer(c.id(), c.name(), key.get(), c.state(),
                    labels.get(c.labels(), LabelScheme.SPEC_HASH).orElse(""),
                    labels.get(c.labels(), LabelScheme.URL_ID).orElse(""),
                    sourceFile, c.created(), c.port(), labels.get(c.labels(), LabelScheme.REVISION)));
        }
        return observed;
    }
}
