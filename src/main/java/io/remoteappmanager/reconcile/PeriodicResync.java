package io.remoteappmanager.reconcile;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The safety net under every event source: a full pass every {@code ram.reconcile.interval}. */
@ApplicationScoped
public class PeriodicResync {

    private final ReconcileLoop loop;

    public PeriodicResync(ReconcileLoop loop) {
        this.loop = loop;
    }

    @Scheduled(every = "${ram.reconcile.interval:30s}", delayed = "${ram.reconcile.interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resync() {
        loop.trigger("periodic resync");
    }
}
