package io.remoteappmanager.model;

import io.remoteappmanager.runtime.RuntimeContainer;
import java.time.Instant;
import java.util.Optional;

/**
 * One container of this realm as the planner sees it: its app key and the labels that matter, read
 * once from the engine's listing.
 *
 * @param sourceFile the spec file named by the {@code source} label (the part before {@code #}), or empty
 * @param revision   the commit its spec was read from ({@code revision} label), or empty
 */
public record ObservedContainer(
        String id,
        String name,
        AppKey key,
        RuntimeContainer.State state,
        String specHash,
        String urlId,
        Optional<String> sourceFile,
        Instant created,
        Optional<RuntimeContainer.PublishedPort> port,
        Optional<String> revision) {

    public boolean isRunning() {
        return state.isUp();
    }
}
