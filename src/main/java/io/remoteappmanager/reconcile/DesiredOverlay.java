package io.remoteappmanager.reconcile;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.ObservedContainer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The desired state that requests ask for, laid over the spec source's: the seed API's starts (an app to run) and
 * stops (an app released, whose containers go). Like the wake requests it is a planner input, so such a change is
 * planned, queued, backed off and shown in status and {@code plan} like any other. Keys a spec source names are the
 * source's: a request never overrides a spec file. Nothing here survives a restart of the controller.
 */
public final class DesiredOverlay {

    private final Map<AppKey, AppSpec> started = new HashMap<>();
    private final Set<AppKey> released = new HashSet<>();

    /** Asks for {@code spec} to run, replacing any request for its key. */
    public synchronized void start(AppSpec spec) {
        released.remove(spec.key());
        started.put(spec.key(), spec);
    }

    /** Asks for {@code key}'s app to stop: its containers are removed, whatever the empty-directory guard says. */
    public synchronized void release(AppKey key) {
        started.remove(key);
        released.add(key);
    }

    /** The app a request asks to run for {@code key}, if any. */
    public synchronized Optional<AppSpec> started(AppKey key) {
        return Optional.ofNullable(started.get(key));
    }

    /** {@code source} with the requests added where the source names no such key. */
    synchronized DesiredState over(DesiredState source) {
        if (started.isEmpty() && released.isEmpty()) {
            return source;
        }
        Map<AppKey, AppSpec> apps = new HashMap<>(source.apps());
        started.forEach(apps::putIfAbsent);
        Set<AppKey> gone = new HashSet<>(released);
        gone.removeAll(source.apps().keySet());
        return source.with(apps, gone);
    }

    /** Forgets the released keys that none of the {@code observed} containers holds any more: their stop is done. */
    synchronized void forgetStopped(List<ObservedContainer> observed) {
        if (!released.isEmpty()) {
            released.retainAll(observed.stream().map(ObservedContainer::key).collect(Collectors.toSet()));
        }
    }
}
