package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.remoteappmanager.config.RamConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;

/** Builds the one docker-java client from {@code ram.docker.*}, falling back to DOCKER_HOST and the local socket. */
@ApplicationScoped
public class DockerClientProducer {

    private static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    @Produces
    @Singleton
    DockerClient dockerClient(RamConfig config) {
        DockerClientConfig clientConfig = clientConfig(config.docker());
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(clientConfig.getDockerHost())
                .sslConfig(clientConfig.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        return DockerClientImpl.getInstance(clientConfig, http);
    }

    void close(@Disposes DockerClient client) throws IOException {
        client.close();
    }

    static DockerClientConfig clientConfig(RamConfig.Docker docker) {
        String host = docker.host()
                .or(() -> java.util.Optional.ofNullable(System.getenv("DOCKER_HOST")))
                .filter(h -> !h.isBlank())
                .orElse(DEFAULT_HOST);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(docker.tlsVerify());
        docker.certPath().ifPresent(builder::withDockerCertPath);
        docker.apiVersion().ifPresent(builder::withApiVersion);
        return builder.build();
    }
}
