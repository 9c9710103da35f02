package io.remoteappmanager.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.reconcile.PassListener;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.ReadinessView;
import io.remoteappmanager.status.StatusStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps CHP's routing table in step with what runs, level-based like the reconciler: after every pass it
 * computes the wanted routes (each app whose container runs and is ready: urlpath → host URL), reads
 * CHP's table and repairs the difference, so a proxy restart (empty table) or a controller restart loses
 * nothing. It touches only routes marked with our realm; a failure is recorded and retried next pass.
 */
public final class RouteSync implements PassListener {

    private static final Logger LOG = Logger.getLogger(RouteSync.class);

    private final Optional<ChpClient> chp;
    private final String realm;
    private final StatusStore status;
    private final ReadinessView readiness;
    private final ProxyStatus proxyStatus;
    private final Counter errors;
    private final Clock clock = Clock.systemUTC();

    /** @param chp empty when {@code ram.proxy.api-url} is not set: then no route is ever touched */
    public RouteSync(Optional<ChpClient> chp, String realm, StatusStore status, ReadinessView readiness,
            ProxyStatus proxyStatus, MeterRegistry metrics) {
        this.chp = chp;
        this.realm = realm;
        this.status = status;
        this.readiness = readiness;
        this.proxyStatus = proxyStatus;
        this.errors = metrics.counter("ram.proxy.errors");
        metrics.gauge("ram.proxy.routes", proxyStatus, s -> s.snapshot().routes());
    }

    @Override
    public void afterPass(PassResult result) {
        if (chp.isEmpty() || result.plan().isEmpty()) {
            return; // no proxy, or the engine could not be listed: what runs is unknown, routes stay
        }
        try {
            sync(chp.get());
        } catch (ProxyException e) {
            errors.increment();
            proxyStatus.failed(e.getMessage(), clock.instant());
            LOG.warnf("routes not synchronised, retrying after the next pass: %s", e.getMessage());
        }
    }

    /**
     * urlpath → target of every app whose container runs and answers. Two kinds of app keep the route they
     * already have, by their target in {@code kept}: a container kept without its spec (a broken file, an
     * empty directory), whose urlpath is unknown; and one whose probe has not decided yet, such as every
     * app a restarted controller adopts, so that a controller restart takes no route away.
     */
    private Map<String, String> wanted(Set<String> kept) {
        Map<String, String> wanted = new HashMap<>();
        for (AppStatus app : status.all()) {
            if (app.containerId().isEmpty() || app.hostUrl().isEmpty()) {
                continue;
            }
            String target = app.hostUrl().get();
            boolean routable = app.phase() != Phase.Removing && app.phase() != Phase.Starting
                    && app.phase() != Phase.Failed && app.containerId().flatMap(readiness::notReady).isEmpty();
            if (routable) {
                app.urlpath().ifPresentOrElse(path -> wanted.put(path, target), () -> kept.add(target));
            } else if (app.phase() == Phase.Starting && readiness.undecided(app.containerId().get())) {
                kept.add(target);
            }
        }
        return wanted;
    }

    private void sync(ChpClient client) {
        Set<String> kept = new HashSet<>();
        Map<String, String> wanted = wanted(kept);
        List<ProxyRoute> table = client.routes();
        Map<String, ProxyRoute> byPath = new HashMap<>();
        table.forEach(route -> byPath.put(route.path(), route));
        int changes = 0;
        for (ProxyRoute route : table) {
            if (route.ownedBy(realm) && !wanted.containsKey(route.path()) && !kept.contains(route.target())) {
                client.delete(route.path());
                LOG.infof("route %s → %s deleted: its app no longer runs", route.path(), route.target());
                changes++;
            }
        }
        int ours = 0;
        for (Map.Entry<String, String> want : wanted.entrySet()) {
            ProxyRoute present = byPath.get(want.getKey());
            if (present != null && !present.ownedBy(realm)) {
                LOG.warnf("route %s belongs to %s; not replacing it", want.getKey(),
                        present.realm().map(r -> "realm " + r).orElse("no controller (unmarked)"));
                continue;
            }
            ours++;
            if (present == null || !present.target().equals(want.getValue())) {
                client.put(want.getKey(), want.getValue(), realm);
                LOG.infof("route %s → %s %s", want.getKey(), want.getValue(), present == null ? "added" : "replaced");
                changes++;
            }
        }
        proxyStatus.synced(ours, changes, clock.instant());
    }
}
