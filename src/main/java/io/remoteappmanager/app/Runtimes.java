package io.remoteappmanager.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.ContainerRuntime;
import io.remoteappmanager.runtime.docker.DockerRuntimes;
import io.remoteappmanager.runtime.swarm.SwarmRuntimes;

/**
 * Picks the runtime {@code ram.runtime} names: the one place that asks which runtime it is; everything else asks the
 * runtime what it can do ({@link ContainerRuntime#capabilities()}).
 */
public final class Runtimes {

    private Runtimes() {}

    /** One Docker engine, or a swarm through the manager {@code ram.docker.host} names; connects lazily. */
    public static ContainerRuntime connect(RamConfig config, MeterRegistry metrics) {
        return switch (config.runtime()) {
            case DOCKER -> DockerRuntimes.connect(FromConfig.docker(config), metrics);
            case SWARM -> SwarmRuntimes.connect(FromConfig.swarm(config), metrics);
        };
    }

    /** Where {@code config} points the runtime (the engine, or the swarm's manager), as error messages name it. */
    public static String address(RamConfig config) {
        return DockerRuntimes.engineAddress(FromConfig.engine(config));
    }
}
