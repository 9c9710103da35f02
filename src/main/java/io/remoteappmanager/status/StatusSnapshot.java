package io.remoteappmanager.status;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.observe.EngineState;
import io.remoteappmanager.source.SourceStatus;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the controller tells about itself at one moment, immutable: every app, the last pass, the engine and
 * the spec source. The API, health checks, metrics, route sync and the dashboard all read one such value.
 */
public record StatusSnapshot(SortedMap<AppKey, AppStatus> apps, PassSummary lastPass, EngineState engine,
        SourceStatus source) {

    public StatusSnapshot {
        apps = Collections.unmodifiableSortedMap(new TreeMap<>(apps));
    }

    public static StatusSnapshot initial(EngineState engine, SourceStatus source) {
        return new StatusSnapshot(new TreeMap<>(), PassSummary.NONE, engine, source);
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
}
