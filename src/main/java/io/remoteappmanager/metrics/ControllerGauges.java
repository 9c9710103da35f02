package io.remoteappmanager.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.remoteappmanager.executor.Executor;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.reconcile.ReconcileLoop;
import io.remoteappmanager.status.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registers the state gauges next to the counters and timers the reconciler, executor and runtime record
 * themselves: {@code ram.apps{phase}}, {@code ram.spec.problems}, {@code ram.reconcile.queue},
 * {@code ram.engine.reachable}. Each gauge reads the status store when scraped; nothing is cached here.
 */
@Startup
@ApplicationScoped
public class ControllerGauges {

    public ControllerGauges(MeterRegistry registry, StatusStore status, ReconcileLoop loop, Executor executor) {
        for (Phase phase : Phase.values()) {
            Gauge.builder("ram.apps", status, s -> s.all().stream().filter(a -> a.phase() == phase).count())
                    .tag("phase", phase.name())
                    .description("apps in each phase after the last pass and the actions since")
                    .register(registry);
        }
        Gauge.builder("ram.spec.problems", status, s -> s.lastPass().problems().size())
                .description("problems (invalid files, conflicts) in the spec directory at the last pass")
                .register(registry);
        Gauge.builder("ram.reconcile.queue", loop, l -> l.pendingTriggers() + executor.actionsInFlight())
                .description("pending pass triggers plus actions not yet finished")
                .register(registry);
        Gauge.builder("ram.engine.reachable", status, s -> s.lastPass().engineReachable() ? 1 : 0)
                .description("1 when the Docker engine answered in the last pass, else 0")
                .register(registry);
    }
}
