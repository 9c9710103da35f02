package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.dockerapi.DockerClients;
import io.remoteappmanager.runtime.dockerapi.EngineClient;

/**
 * The one way to build the Docker runtime (the application, the command line, the tests), from {@code ram.docker.*}.
 */
public final class DockerRuntimes {

    private DockerRuntimes() {}

    /** Connects lazily: nothing is sent to the engine until the first call. Closing the runtime closes its client. */
    public static DockerRuntime connect(RamConfig config, MeterRegistry metrics) {
        return new DockerRuntime(EngineClient.connect(config, metrics), config);
    }

    /** A docker-java client like the runtime's own, for tests that play the engine's part beside the controller. */
    public static DockerClient client(RamConfig config) {
        return DockerClients.client(config.docker());
    }

    /**
     * The create command the runtime sends for {@code request}, for callers that measure the engine itself (the
     * benchmark's engine-limit anchor creates exactly what the controller would).
     */
    public static CreateContainerCmd createCommand(DockerClient client, ContainerRequest request) {
        return DockerMapping.createCommand(client, request);
    }

    /** Where {@code config} points the client, as error messages name it. */
    public static String engineAddress(RamConfig config) {
        return DockerClients.engineAddress(config.docker());
    }
}
