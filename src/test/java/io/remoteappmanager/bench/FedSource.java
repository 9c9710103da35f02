package io.remoteappmanager.bench;

import io.remoteappmanager.lifecycle.Jobs;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.source.SpecSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A spec source fed by hand: the simulation sets the desired apps directly, so 100,000 apps cost neither files nor
 * parsing (the parse scenario measures those) and a change reaches the controller as a directory's would, as one
 * "look now".
 */
final class FedSource implements SpecSource {

    private static final SourceStatus STATUS = new SourceStatus("fed", "memory", Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private volatile DesiredState state = state(Map.of());
    private volatile Runnable onChange = () -> { };

    /** A source that gives {@code apps} from its first read on. */
    static FedSource of(Map<AppKey, AppSpec> apps) {
        FedSource source = new FedSource();
        source.state = state(apps);
        return source;
    }

    /** From now on the source gives {@code apps}, and the controller is told to look. */
    void feed(Map<AppKey, AppSpec> apps) {
        state = state(apps);
        onChange.run();
    }

    @Override
    public DesiredState read() {
        return state;
    }

    @Override
    public SourceStatus status() {
        return STATUS;
    }

    @Override
    public void start(Runnable changed, Jobs jobs) {
        onChange = changed;
    }

    @Override
    public void close() {
        onChange = () -> { };
    }

    /** What a directory of these apps would give: every file read, none broken; usable when it has an app. */
    private static DesiredState state(Map<AppKey, AppSpec> apps) {
        return new DesiredState(apps, List.of(), Set.of(), Set.of(), !apps.isEmpty(), Set.of());
    }
}
