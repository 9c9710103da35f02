package io.remoteappmanager.status;

import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.source.SourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What made a snapshot differ from the one before it, decided once by the {@link StatusProjection}: the apps that
 * changed (each with the phase change it made), and each other part that changed, with its new value. Every
 * snapshot carries the changes that produced it under the next sequence number, so a reader that listens to the
 * board reads every change in order, and one that joins later knows which changes its first snapshot already holds.
 *
 * @param sequence one more than the snapshot before; 0 for the first
 * @param apps     changed apps in key order, then gone apps in key order
 * @param engine   the engine's state, when its trust or its error changed
 * @param problems the spec problems, when they changed
 * @param pass     the summary of the pass that made this snapshot, when one did
 * @param source   the spec source's status, when it changed
 * @param proxy    the reverse proxy's state, when route sync changed it
 * @param leader   who leads, when leader election changed it
 */
public record StatusChanges(long sequence, List<AppChange> apps, Optional<EngineState> engine,
        Optional<Problems> problems, Optional<PassSummary> pass, Optional<SourceStatus> source,
        Optional<ProxyState> proxy, Optional<LeaderState> leader) {

    /** The changes of the first snapshot: none. */
    public static final StatusChanges FIRST = new StatusChanges(0, List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public StatusChanges {
        apps = List.copyOf(apps);
    }

    /** Whether only the proxy's state changed: route sync's own report, which asks for no new synchronisation. */
    public boolean proxyOnly() {
        return proxy.isPresent() && apps.isEmpty() && engine.isEmpty() && problems.isEmpty() && pass.isEmpty()
                && source.isEmpty() && leader.isEmpty();
    }

    /**
     * The spec problems after a change, and which of them appeared or cleared.
     *
     * @param now every problem now, each as {@code file:line: message}, in the pass's order
     * @param at  when the pass that found them finished
     */
    public record Problems(List<String> now, List<String> appeared, List<String> cleared, Instant at) {

        public Problems {
            now = List.copyOf(now);
            appeared = List.copyOf(appeared);
            cleared = List.copyOf(cleared);
        }
    }
}
