package io.remoteappmanager.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.executor.Backoffs;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.reconcile.ReconcileLoop;
import io.remoteappmanager.status.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Builds the readiness probes, the readiness gate and the route synchroniser from {@code ram.readiness.*}
 * and {@code ram.proxy.*}; both listeners run after every pass, and probes wake the loop.
 */
@ApplicationScoped
public class ProxyBeans {

    /** The environment variable CHP itself reads its token from. */
    static final String TOKEN_ENV = "CONFIGPROXY_AUTH_TOKEN";

    @Produces
    @Singleton
    ReadinessProbes readinessProbes(RamConfig config, ReconcileLoop loop) {
        return new ReadinessProbes(config.readiness().enabled(), config.readiness().maxConcurrent(), loop::trigger);
    }

    void closeProbes(@Disposes ReadinessProbes probes) {
        probes.close();
    }

    @Produces
    @Singleton
    ReadinessGate readinessGate(RamConfig config, ReadinessProbes probes, StatusStore status, ContainerManager manager,
            Backoffs backoffs, ReconcileLoop loop) {
        return new ReadinessGate(config.readiness(), probes, status, manager, backoffs, loop::trigger);
    }

    @Produces
    @Singleton
    ProxyStatus proxyStatus(RamConfig config) {
        return new ProxyStatus(config.proxy().apiUrl());
    }

    @Produces
    @Singleton
    RouteSync routeSync(RamConfig config, StatusStore status, ReadinessProbes probes, ProxyStatus proxyStatus,
            MeterRegistry metrics) {
        return new RouteSync(chp(config.proxy()), config.realm(), status, probes, proxyStatus, metrics);
    }

    /** The CHP client when {@code ram.proxy.api-url} is set; its token from the config, else CHP's variable. */
    public static Optional<ChpClient> chp(RamConfig.Proxy proxy) {
        return proxy.apiUrl().map(url -> new ChpClient(url,
                proxy.apiToken().or(() -> Optional.ofNullable(System.getenv(TOKEN_ENV))).orElseThrow(() ->
                        new IllegalStateException("ram.proxy.api-url is set but neither ram.proxy.api-token nor "
                                + TOKEN_ENV + " gives CHP's API token")),
                proxy.requestTimeout()));
    }
}
