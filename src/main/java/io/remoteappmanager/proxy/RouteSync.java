package io.remoteappmanager.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.lifecycle.Threads;
import io.remoteappmanager.model.UrlPaths;
import io.remoteappmanager.status.AppRoute;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusProjection;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Keeps CHP's routing table in step with what runs, level-based like the reconciler: for each new status snapshot
 * it computes the wanted routes from each app's {@link AppRoute} (urlpath → its container's URL once it runs and is
 * ready, or → the controller's wake page while it is idle), reads CHP's table and repairs the difference, so a proxy
 * restart (empty table) or a controller restart loses nothing. It runs on its own thread, taking only the newest
 * snapshot, so a slow proxy delays no pass. It touches only routes marked with our realm, and never moves a route
 * from one app to another while the first app's container exists. A route CHP refuses is recorded for that route
 * alone; an unreachable CHP fails the whole synchronisation. Either is
 * retried with the next snapshot (at the latest the periodic pass). Its outcome is the proxy's part of the status,
 * published on the board it listens to; a snapshot that brings only that part asks for no new synchronisation.
 */
public final class RouteSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RouteSync.class);

    private final ChpClient chp;
    private final String realm;
    private final String wakePage;
    private final StatusBoard status;
    private final Counter errors;
    private final Clock clock;
    private final Thread thread;
    private StatusSnapshot pending;
    private boolean closed;
    /** The refusals of the last synchronisation (only this class's thread touches it). */
    private Map<String, String> lastRefused = Map.of();

    /** @param wakePage the target of an idle app's route: the controller's wake page, as the proxy reaches it */
    public RouteSync(ChpClient chp, String realm, String wakePage, StatusBoard status, MeterRegistry metrics,
            Clock clock) {
        this.chp = chp;
        this.realm = realm;
        this.wakePage = wakePage;
        this.status = status;
        this.clock = clock;
        this.errors = metrics.counter("ram.proxy.errors");
        this.thread = Threads.named("routes").newThread(this::run);
    }

    public void start() {
        thread.start();
    }

    /**
     * Takes a new snapshot; only the newest one waiting is synchronised. One that only reports a synchronisation
     * (this class's own publication) starts none: otherwise each report would start the next.
     */
    public synchronized void offer(StatusSnapshot snapshot) {
        if (pending == null && snapshot.changes().proxyOnly()) {
            return;
        }
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
                status.publish(s -> StatusProjection.withProxy(s, s.proxy().failed(e.getMessage(), clock.instant())));
                LOG.warnf("routes not synchronised, retrying with the next status: %s", e.getMessage());
            }
        }
    }

    private void sync(StatusSnapshot snapshot) {
        Set<String> kept = new HashSet<>();
        Set<String> keptWakePages = new HashSet<>();
        Map<String, Want> wanted = wanted(snapshot, kept, keptWakePages);
        Set<String> holders = new HashSet<>();
        snapshot.all().stream().filter(app -> app.containerId().isPresent()).forEach(app -> holders.add(app.key().toString()));
        List<ProxyRoute> table = chp.routes();
        Map<String, ProxyRoute> byPath = new HashMap<>();
        table.forEach(route -> byPath.put(route.path(), route));
        Map<String, String> refused = new TreeMap<>();
        int changes = 0;
        for (ProxyRoute route : table) {
            if (route.ownedBy(realm) && !wanted.containsKey(route.path()) && !kept.contains(route.target())
                    && !(keptWakePages.contains(route.path()) && route.target().equals(wakePage))
                    && applied(refused, route.path(), () -> chp.delete(route.path()))) {
                LOG.infof("route %s → %s deleted: its app no longer runs or is not ready", route.path(), route.target());
                changes++;
            }
        }
        int ours = 0;
        for (Map.Entry<String, Want> entry : wanted.entrySet()) {
            String path = entry.getKey();
            Want want = entry.getValue();
            ProxyRoute present = byPath.get(path);
            if (present != null && !present.ownedBy(realm)) {
                refused.put(path, "the path belongs to " + present.realm().map(r -> "realm " + r)
                        .orElse("no controller (unmarked)") + "; not replacing it for " + want.app());
                continue;
            }
            Optional<String> holder = present == null ? Optional.empty() : present.app();
            if (holder.isPresent() && !holder.get().equals(want.app()) && holders.contains(holder.get())) {
                refused.put(path, "the path is routed to app " + holder.get() + ", whose container still exists;"
                        + " a route never moves to another app (" + want.app() + ")");
                continue;
            }
            ours++;
            boolean current = present != null && present.target().equals(want.target()) && holder.isPresent();
            if (!current && applied(refused, path, () -> chp.put(new ProxyRoute(path, want.target(),
                    Optional.of(realm), Optional.of(want.app()))))) {
                LOG.infof("route %s → %s %s", path, want.target(), present == null ? "added" : "replaced");
                changes++;
            }
        }
        reportNewlyRefused(refused);
        int routes = ours;
        int changed = changes;
        status.publish(s -> StatusProjection.withProxy(s, s.proxy().synced(routes, changed, refused, clock.instant())));
    }

    /** Runs one route's change; a refusal concerns that route alone, so it is recorded and the others go on. */
    private boolean applied(Map<String, String> refused, String path, Runnable change) {
        try {
            change.run();
            return true;
        } catch (RouteRefusedException e) {
            errors.increment();
            refused.put(path, e.getMessage());
            return false;
        }
    }

    /** Logs each refusal once, when it appears or its reason changes, not on every snapshot. */
    private void reportNewlyRefused(Map<String, String> refused) {
        refused.forEach((path, reason) -> {
            if (!reason.equals(lastRefused.get(path))) {
                LOG.warnf("route %s not synchronised: %s", path, reason);
            }
        });
        lastRefused = refused;
    }

    /**
     * Route key → what it should route to: the container's URL for every app routed to its container (it runs and
     * is ready), the wake page for every app routed there. An app whose container runs but whose probe has not said
     * "ready" (every app a restarted controller adopts, until its probe answers) keeps the route it already has: to
     * that very container, by its target in {@code kept}, so a controller restart takes no route away; or to the wake
     * page, by its route key in {@code keptWakePages}.
     */
    private Map<String, Want> wanted(StatusSnapshot snapshot, Set<String> kept, Set<String> keptWakePages) {
        Map<String, Want> wanted = new HashMap<>();
        for (AppStatus app : snapshot.all()) {
            Optional<String> target = app.hostUrl().filter(url -> app.containerId().isPresent());
            Optional<String> key = app.urlpath().map(UrlPaths::decoded);
            String name = app.key().toString();
            switch (app.route()) {
                case APP -> target.ifPresent(url -> key.ifPresentOrElse(path -> wanted.put(path, new Want(url, name)),
                        () -> kept.add(url)));
                case WAKE_PAGE -> key.ifPresent(path -> wanted.put(path, new Want(wakePage, name)));
                case KEEP -> {
                    target.ifPresent(kept::add);
                    key.ifPresent(keptWakePages::add);
                }
                case NONE -> { }
            }
        }
        return wanted;
    }

    /** Where one route should point, and the app it serves. */
    private record Want(String target, String app) {}
}
