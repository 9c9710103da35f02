package io.remoteappmanager.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.docker.DockerRuntimes;
import io.remoteappmanager.runtime.swarm.SwarmRuntimes;

/** Picks the runtime {@code ram.runtime} names, so that nothing else in the controller knows which one it drives. */
public final class Runtimes {

    private Runtimes() {}

    /** One Docker engine, or a swarm through the manager {@code ram.docker.host} names; connects lazily. */
    public static ContainerRuntime connect(RamConfig config, MeterRegistry metrics) {
        return switch (config.runtime()) {
            case DOCKER -> DockerRuntimes.connect(config, metrics);
            case SWARM -> SwarmRuntimes.connect(config, metrics);
        };
    }

    /** Where {@code config} points the runtime (the engine, or the swarm's manager), as error messages name it. */
    public static String address(RamConfig config) {
        return DockerRuntimes.engineAddress(config);
    }
}
