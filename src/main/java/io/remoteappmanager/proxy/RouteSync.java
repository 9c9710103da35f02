package io.remoteappmanager.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.status.AppRoute;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Keeps CHP's routing table in step with what runs, level-based like the reconciler: for each new status snapshot
 * it computes the wanted routes from each app's {@link AppRoute} (urlpath → its container's URL once it runs and is
 * ready, or → the controller's wake page while it is idle), reads CHP's table and repairs the difference, so a proxy
 * restart (empty table) or a controller restart loses nothing. It runs on its own thread, taking only the newest
 * snapshot, so a slow proxy delays no pass. It touches only routes marked with our realm; a failure is recorded and
 * retried with the next snapshot (at the latest the periodic pass).
 */
public final class RouteSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouteSync.class);

    private final ChpClient chp;
    private final String realm;
    private final String wakePage;
    private final ProxyStatus proxyStatus;
    private final Counter errors;
    private final Clock clock;
    private final Thread thread;
    private StatusSnapshot pending;
    private boolean closed;

    /** @param wakePage the target of an idle app's route: the controller's wake page, as the proxy reaches it */
    public RouteSync(ChpClient chp, String realm, String wakePage, ProxyStatus proxyStatus, MeterRegistry metrics,
            Clock clock) {
        this.chp = chp;
        this.realm = realm;
        this.wakePage = wakePage;
        this.proxyStatus = proxyStatus;
        this.clock = clock;
        this.errors = metrics.counter("ram.proxy.errors");
        this.thread = new Thread(this::run, "ram-routes");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Takes a new snapshot; only the newest one waiting is synchronised. */
    public synchronized void offer(StatusSnapshot snapshot) {
        pending = snapshot;
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void run() {
        while (true) {
            StatusSnapshot next;
            synchronized (this) {
                while (pending == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                next = pending;
                pending = null;
            }
            if (!next.engine().trusted()) {
                continue; // what runs is unknown: routes stay as they are
            }
            try {
                sync(next);
            } catch (ProxyException e) {
                errors.increment();
                proxyStatus.failed(e.getMessage(), clock.instant());
                LOG.warnf("routes not synchronised, retrying with the next status: %s", e.getMessage());
            }
        }
    }

    private void sync(StatusSnapshot snapshot) {
        Set<String> kept = new HashSet<>();
        Set<String> keptWakePages = new HashSet<>();
        Map<String, String> wanted = wanted(snapshot, kept, keptWakePages);
        List<ProxyRoute> table = chp.routes();
        Map<String, ProxyRoute> byPath = new HashMap<>();
        table.forEach(route -> byPath.put(route.path(), route));
        int changes = 0;
        for (ProxyRoute route : table) {
            if (route.ownedBy(realm) && !wanted.containsKey(route.path()) && !kept.contains(route.target())
                    && !(keptWakePages.contains(route.path()) && route.target().equals(wakePage))) {
                chp.delete(route.path());
                LOG.infof("route %s → %s deleted: its app no longer runs or is not ready", route.path(), route.target());
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
                chp.put(want.getKey(), want.getValue(), realm);
                LOG.infof("route %s → %s %s", want.getKey(), want.getValue(), present == null ? "added" : "replaced");
                changes++;
            }
        }
        proxyStatus.synced(ours, changes, clock.instant());
    }

    /**
     * urlpath → URL of every app routed to its container (it runs and is ready), and urlpath → the wake page of every
     * app routed there. An app whose container runs but whose probe has not said "ready" (every app a restarted
     * controller adopts, until its probe answers) keeps the route it already has: to that very container, by its
     * target in {@code kept}, so a controller restart takes no route away; or to the wake page, by its urlpath in
     * {@code keptWakePages}.
     */
    private Map<String, String> wanted(StatusSnapshot snapshot, Set<String> kept, Set<String> keptWakePages) {
        Map<String, String> wanted = new HashMap<>();
        for (AppStatus app : snapshot.all()) {
            Optional<String> target = app.hostUrl().filter(url -> app.containerId().isPresent());
            switch (app.route()) {
                case APP -> target.ifPresent(url -> app.urlpath().ifPresentOrElse(path -> wanted.put(path, url),
                        () -> kept.add(url)));
                case WAKE_PAGE -> app.urlpath().ifPresent(path -> wanted.put(path, wakePage));
                case KEEP -> {
                    target.ifPresent(kept::add);
                    app.urlpath().ifPresent(keptWakePages::add);
                }
                case NONE -> { }
            }
        }
        return wanted;
    }
}
