package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import java.util.Optional;

/** Builds docker-java clients from {@code ram.docker.*}, falling back to DOCKER_HOST and the local socket. */
public final class DockerClients {

    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerClients() {}

    /** A client whose requests {@link EngineCalls} can interrupt at their deadline. */
    public static DockerClient client(EngineSettings docker) {
        DockerClientConfig config = clientConfig(docker);
        return DockerClientImpl.getInstance(config, http(config));
    }

    /** Where {@code docker} points the client, as error messages name it. */
    public static String engineAddress(EngineSettings docker) {
        return clientConfig(docker).getDockerHost().toString();
    }

    static DockerClientConfig clientConfig(EngineSettings docker) {
        String host = docker.host()
                .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")))
                .filter(h -> !h.isBlank())
                .orElse(DEFAULT_HOST);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(docker.tlsVerify());
        docker.certPath().ifPresent(builder::withDockerCertPath);
        docker.apiVersion().ifPresent(builder::withApiVersion);
        return builder.build();
    }

    /** The transport under a client: also what {@link EngineClient} sends its raw requests through. */
    static DockerHttpClient http(DockerClientConfig config) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return new ScopedHttpClient(http);
    }
}
