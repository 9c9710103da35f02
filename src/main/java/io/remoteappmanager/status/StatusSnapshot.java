package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.EngineState;
import io.remoteappmanager.source.SourceStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the controller tells about itself at one moment, immutable: every app, the last pass, the engine, the
 * spec source, the reverse proxy and who leads, and what changed since the snapshot before. The API, health checks,
 * metrics, route sync, notifications, the event stream and the dashboard all read one such value.
 *
 * @param apps    every app, iterated in key order and looked up by hash (each pass looks up every app of the last)
 * @param proxy   the reverse proxy as route sync last left it
 * @param leader  who leads the realm, as leader election last left it
 * @param changes what made this snapshot differ from the one before, with this snapshot's sequence number
 */
public record StatusSnapshot(Map<AppKey, AppStatus> apps, PassSummary lastPass, EngineState engine,
        SourceStatus source, ProxyState proxy, LeaderState leader, StatusChanges changes) {

    public StatusSnapshot {
        apps = inKeyOrder(apps);
    }

    /** The first snapshot of a controller outside leader election. */
    public static StatusSnapshot initial(EngineState engine, SourceStatus source, ProxyState proxy) {
        return initial(engine, source, proxy, LeaderState.alone("this controller"));
    }

    /** The first snapshot of a controller that takes part in leader election as {@code leader} says. */
    public static StatusSnapshot initial(EngineState engine, SourceStatus source, ProxyState proxy,
            LeaderState leader) {
        return new StatusSnapshot(Map.of(), PassSummary.NONE, engine, source, proxy, leader, StatusChanges.FIRST);
    }

    /** The number of this snapshot: one more than the one before. */
    public long sequence() {
        return changes.sequence();
    }

    /** Every app, sorted by key. */
    public Collection<AppStatus> all() {
        return apps.values();
    }

    public Optional<AppStatus> app(AppKey key) {
        return Optional.ofNullable(apps.get(key));
    }

    /** The app whose spec is named {@code name}. */
    public Optional<AppStatus> byName(String name) {
        return apps.values().stream().filter(a -> a.name().filter(name::equals).isPresent()).findFirst();
    }

    /** Whether the first pass has finished. */
    public boolean firstPassDone() {
        return lastPass.finishedAt().isPresent();
    }

    /** An unmodifiable copy of {@code apps} in key order; given in that order already (as passes give it), in linear time. */
    private static Map<AppKey, AppStatus> inKeyOrder(Map<AppKey, AppStatus> apps) {
        List<Map.Entry<AppKey, AppStatus>> entries = new ArrayList<>(apps.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        Map<AppKey, AppStatus> ordered = new LinkedHashMap<>(entries.size() * 2);
        entries.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(ordered);
    }
}
