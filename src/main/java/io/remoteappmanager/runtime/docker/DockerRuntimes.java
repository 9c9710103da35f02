package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.runtime.ContainerRuntime;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one way to build the Docker runtime outside CDI (the command line, plain tests), from the same
 * {@code ram.docker.*} settings and with the same client as the application's producer.
 */
public final class DockerRuntimes {

    /** A runtime and the client under it; closing it closes the client. */
    public record Connection(ContainerRuntime runtime, DockerClient client) implements Closeable {
        @Override
        public void close() {
            try {
                client.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the Docker client failed", e);
            }
        }
    }

    private DockerRuntimes() {}

    /** Connects lazily: nothing is sent to the engine until the first call on the runtime. */
    public static Connection connect(RamConfig config, MeterRegistry metrics) {
        DockerClient client = client(config);
        return new Connection(runtime(client, metrics, config), client);
    }

    /** The docker-java client the application's producer would build from {@code config}. */
    public static DockerClient client(RamConfig config) {
        return new DockerClientProducer().dockerClient(config);
    }

    /** The runtime over an existing client, counting its API calls in {@code metrics}. */
    public static ContainerRuntime runtime(DockerClient client, MeterRegistry metrics, RamConfig config) {
        return new DockerRuntime(client, metrics, config);
    }

    /** Where {@code config} points the client, as the error messages name it. */
    public static String engineAddress(RamConfig config) {
        return DockerClientProducer.clientConfig(config.docker()).getDockerHost().toString();
    }
}
