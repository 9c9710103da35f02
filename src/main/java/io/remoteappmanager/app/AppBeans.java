package io.remoteappmanager.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.remoteappmanager.api.ApiAccess;
import io.remoteappmanager.api.GitHookResource;
import io.remoteappmanager.api.ReconcileResource;
import io.remoteappmanager.api.logs.AppLogs;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.health.LoopLiveness;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.reconcile.WakeRequests;
import io.remoteappmanager.source.SpecSource;
import io.remoteappmanager.status.StatusBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The application's CDI edge: builds the one {@link RemoteAppManager} from the configuration, with its periodic
 * work on quarkus-scheduler, starts it with Quarkus and stops it with Quarkus, and hands its parts to the REST resources, health checks and metrics.
 * Stopping leaves every container running: the next start adopts them.
 */
@ApplicationScoped
public class AppBeans {

    private static final Logger LOG = Logger.getLogger(AppBeans.class);

    @Produces
    @Singleton
    RemoteAppManager remoteAppManager(RamConfig config, MeterRegistry metrics, Scheduler scheduler) {
        return RemoteAppManager.assemble(config, Runtimes.connect(config, metrics), metrics, new QuarkusJobs(scheduler));
    }

    @Produces
    @Singleton
    StatusBoard status(RemoteAppManager app) {
        return app.status();
    }

    @Produces
    @Singleton
    Controller controller(RemoteAppManager app) {
        return app.controller();
    }

    @Produces
    @Singleton
    ContainerManager containerManager(RemoteAppManager app) {
        return app.manager();
    }

    @Produces
    @Singleton
    SpecSource specSource(RemoteAppManager app) {
        return app.source();
    }

    @Produces
    @Singleton
    WakeRequests wakeRequests(RemoteAppManager app) {
        return app.wakes();
    }

    @Produces
    @Singleton
    AppLogs appLogs(RemoteAppManager app, RamConfig config) {
        return new AppLogs(app.status(), app.runtime(), FromConfig.logs(config));
    }

    @Produces
    @Singleton
    ApiAccess.Settings apiAccess(RamConfig config) {
        return FromConfig.api(config);
    }

    @Produces
    @Singleton
    GitHookResource.Settings gitHook(RamConfig config) {
        return FromConfig.gitHook(config);
    }

    @Produces
    @Singleton
    ReconcileResource.Settings reconcileApi(RamConfig config) {
        return FromConfig.reconcileApi(config);
    }

    @Produces
    @Singleton
    LoopLiveness.Settings loopLiveness(RamConfig config) {
        return FromConfig.liveness(config);
    }

    void onStart(@Observes StartupEvent startup, RemoteAppManager app, RamConfig config, ApiAccess access) {
        LOG.infof("watching %s %s for realm '%s'; resync every %s", app.source().status().type(),
                app.source().status().location(), config.realm(),
                config.reconcile().interval());
        Config quarkus = ConfigProvider.getConfig();
        access.openWarning(quarkus.getOptionalValue("quarkus.http.host", String.class).orElse("?"),
                quarkus.getOptionalValue("quarkus.http.port", String.class).orElse("?")).ifPresent(LOG::warn);
        app.start();
    }

    void onStop(@Observes ShutdownEvent shutdown, RemoteAppManager app) {
        app.close();
        app.runtime().close();
        LOG.info("controller stopped; every app container is left running");
    }
}
