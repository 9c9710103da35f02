package io.remoteappmanager.reconcile;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.source.SpecSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Starts the controller's moving parts with the application (spec watcher, engine events, loop) and
 * stops them with it. Stopping leaves every container running: the next start adopts them.
 */
@ApplicationScoped
public class Controller {

    private static final Logger LOG = Logger.getLogger(Controller.class);

    private final RamConfig config;
    private final ReconcileLoop loop;
    private final EngineEvents events;
    private final SpecSource source;

    public Controller(RamConfig config, ReconcileLoop loop, EngineEvents events, SpecSource source) {
        this.config = config;
        this.loop = loop;
        this.events = events;
        this.source = source;
    }

    void onStart(@Observes StartupEvent startup) {
        LOG.infof("watching %s %s for realm '%s'; resync every %s", source.status().type(),
                source.status().location(), config.realm(), config.reconcile().interval());
        source.start(() -> loop.trigger("spec files changed"));
        events.start();
        loop.start();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        source.close();
        events.close();
        loop.close();
        LOG.info("controller stopped; every app container is left running");
    }
}
