package io.remoteappmanager.runtime.swarm;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import java.util.List;

/** The one way to build the Swarm runtime, from its settings. */
public final class SwarmRuntimes {

    private SwarmRuntimes() {}

    /** Connects lazily: nothing is sent to the manager until the first call. Closing the runtime closes its client. */
    public static SwarmRuntime connect(SwarmSettings settings, MeterRegistry metrics) {
        return new SwarmRuntime(EngineClient.connect(settings.engine(), metrics), settings);
    }

    /**
     * Creates the service the runtime would create for {@code request}, as one request and nothing else, for callers
     * that measure the engine itself (the benchmark's engine-limit anchor); returns its id.
     */
    public static String createService(EngineClient engine, SwarmSettings settings, ContainerRequest request,
            boolean noNewPrivileges) {
        return new ServiceWriter(engine, new RegistryAuth(settings.registry())).create(ServiceSpecs.of(request,
                settings.stopGrace(), settings.restartDelay(), noNewPrivileges, List.of()));
    }
}
