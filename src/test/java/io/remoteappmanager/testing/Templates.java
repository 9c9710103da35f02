package io.remoteappmanager.testing;

import io.remoteappmanager.actuator.ContainerTemplate;
import io.remoteappmanager.app.FromConfig;
import io.remoteappmanager.config.ConfigCheck;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.RuntimeCapabilities;
import io.remoteappmanager.runtime.docker.DockerRuntime;
import io.remoteappmanager.runtime.swarm.SwarmRuntime;

/** The container template the controller would build from a configuration, for tests that run no runtime. */
public final class Templates {

    private Templates() {}

    /** The template for {@code config}'s runtime, after the start-up check the controller makes. */
    public static ContainerTemplate of(RamConfig config) {
        return of(config, config.runtime() == RamConfig.RuntimeKind.SWARM ? SwarmRuntime.CAPABILITIES
                : DockerRuntime.CAPABILITIES);
    }

    /** The template for {@code config} on a runtime that can do {@code runtime}. */
    public static ContainerTemplate of(RamConfig config, RuntimeCapabilities runtime) {
        ConfigCheck.validate(config);
        return new ContainerTemplate(FromConfig.template(config), FromConfig.labels(config), runtime);
    }
}
