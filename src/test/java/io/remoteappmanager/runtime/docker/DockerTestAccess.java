package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.ContainerRuntime;

/** Lets tests outside CDI build the real Docker runtime from a config, through {@link DockerRuntimes}. */
public final class DockerTestAccess {

    private DockerTestAccess() {}

    public static DockerClient client(RamConfig config) {
        return DockerRuntimes.client(config);
    }

    public static ContainerRuntime runtime(DockerClient client, MeterRegistry metrics, RamConfig config) {
        return DockerRuntimes.runtime(client, metrics, config);
    }
}
