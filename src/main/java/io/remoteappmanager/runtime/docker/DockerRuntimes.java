package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.dockerapi.DockerClients;
import io.remoteappmanager.runtime.dockerapi.EngineClient;
import io.remoteappmanager.runtime.dockerapi.EngineSettings;

/**
 * The one way to build the Docker runtime (the application, the command line, the tests), from its settings.
 */
public final class DockerRuntimes {

    private DockerRuntimes() {}

    /** Connects lazily: nothing is sent to the engine until the first call. Closing the runtime closes its client. */
    public static DockerRuntime connect(DockerSettings settings, MeterRegistry metrics) {
        return new DockerRuntime(EngineClient.connect(settings.engine(), metrics), settings);
    }

    /** A docker-java client like the runtime's own, for tests that play the engine's part beside the controller. */
    public static DockerClient client(EngineSettings engine) {
        return DockerClients.client(engine);
    }

    /**
     * The create command the runtime sends for {@code request}, for callers that measure the engine itself (the
     * benchmark's engine-limit anchor creates exactly what the controller would).
     */
    public static CreateContainerCmd createCommand(DockerClient client, ContainerRequest request) {
        return DockerMapping.createCommand(client, request);
    }

    /** Where {@code engine} points the client, as error messages name it. */
    public static String engineAddress(EngineSettings engine) {
        return DockerClients.engineAddress(engine);
    }
}
