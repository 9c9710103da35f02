package io.remoteappmanager.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.status.StatusBoard;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Registers the state gauges next to the counters and timers the controller, actuator and runtime record
 * themselves: {@code ram.apps{phase}}, {@code ram.spec.problems}, {@code ram.reconcile.queue},
 * {@code ram.engine.reachable}. Each gauge reads the current status snapshot when scraped; nothing is cached here.
 */
@Startup
@ApplicationScoped
public class ControllerGauges {

    public ControllerGauges(MeterRegistry registry, StatusBoard status, Controller controller) {
        for (Phase phase : Phase.values()) {
            Gauge.builder("ram.apps", status, s -> s.current().all().stream().filter(a -> a.phase() == phase).count())
                    .tag("phase", phase.name())
                    .description("apps in each phase, as the last pass or finished key left them")
                    .register(registry);
        }
        Gauge.builder("ram.spec.problems", status, s -> s.current().lastPass().problems().size())
                .description("problems (invalid files, conflicts) in the spec source at the last pass")
                .register(registry);
        Gauge.builder("ram.reconcile.queue", controller, Controller::backlog)
                .description("pending pass triggers plus keys waiting for or held by a worker")
                .register(registry);
        Gauge.builder("ram.engine.reachable", status, s -> s.current().engine().trusted() ? 1 : 0)
                .description("1 when the engine answers and its containers are listed and followed, else 0")
                .register(registry);
    }
}
