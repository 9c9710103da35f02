package io.remoteappmanager.proxy;

import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.executor.Backoffs;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.reconcile.PassListener;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * After each pass: starts a readiness probe for every container that runs and was not probed yet (new,
 * recreated, restarted, or adopted at start-up), and removes a container it started whose probe timed out, backing
 * its key off (the planner then creates it again after the back-off, as after any failed action).
 * It runs on the loop thread once the executor is idle, so its removal never overlaps another action.
 */
public final class ReadinessGate implements PassListener {

    private static final Logger LOG = Logger.getLogger(ReadinessGate.class);
    private static final Set<String> STARTS = Set.of("create", "recreate", "restart");

    private final RamConfig.Readiness defaults;
    private final ReadinessProbes probes;
    private final StatusStore status;
    private final ContainerManager manager;
    private final Backoffs backoffs;
    private final Consumer<String> wake;
    private final Clock clock = Clock.systemUTC();

    public ReadinessGate(RamConfig.Readiness defaults, ReadinessProbes probes, StatusStore status,
            ContainerManager manager, Backoffs backoffs, Consumer<String> wake) {
        this.defaults = defaults;
        this.probes = probes;
        this.status = status;
        this.manager = manager;
        this.backoffs = backoffs;
        this.wake = wake;
    }

    @Override
    public void afterPass(PassResult result) {
        if (result.plan().isEmpty()) {
            return;
        }
        List<AppStatus> apps = status.all();
        Set<String> live = new HashSet<>();
        for (AppStatus app : apps) {
            if (app.containerId().isEmpty() || app.hostUrl().isEmpty()) {
                continue;
            }
            String id = app.containerId().get();
            live.add(id);
            if (app.urlpath().isEmpty()) {
                continue; // kept without its spec (broken file, empty directory): what is known of it stays
            }
            ReadinessSettings settings = ReadinessSettings.of(defaults,
                    status.spec(app.key()).map(AppSpec::readiness).orElse(AppSpec.Readiness.DEFAULTS));
            probes.watch(id, settings.url(app.hostUrl().get(), app.urlpath().get()), settings);
        }
        probes.retainOnly(live);
        List<String> timedOut = probes.timedOut();
        apps.stream().filter(app -> app.containerId().filter(timedOut::contains).isPresent())
                .filter(ReadinessGate::startedHere).forEach(this::remove);
    }

    /**
     * Whether this controller started the app's current container. A container it adopted was already
     * running before it came: a probe timing out (a loaded host, a thousand probes at once) never removes
     * it; it just gets no route until it answers.
     */
    private static boolean startedHere(AppStatus app) {
        return app.lastAction().filter(STARTS::contains).isPresent();
    }

    private void remove(AppStatus app) {
        String id = app.containerId().orElseThrow();
        String error = probes.notReady(id).orElse("not ready in time");
        try {
            manager.stopAndRemoveContainer(id);
        } catch (RuntimeException e) {
            LOG.warnf("%s: cannot remove container %s, which is not ready; trying again after the next pass: %s",
                    app.key(), id, e.getMessage());
            return;
        }
        probes.forget(id);
        Instant now = clock.instant();
        Instant retryAt = backoffs.failed(app.key(), error, now);
        status.recordNotReady(app.key(), error, retryAt, now);
        LOG.warnf("%s: %s; container %s removed, retrying at %s", app.key(), error, id, retryAt);
        wake.accept("removed a container that was not ready in time");
    }
}
