package io.remoteappmanager.runtime.dockerapi;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach a Docker engine or a swarm's manager ({@code ram.docker.*}), so that the clients need no configuration
 * of their own.
 *
 * @param host        the engine address; when empty, DOCKER_HOST, else the local socket
 * @param callTimeout how long one engine call may take before it fails
 */
public record EngineSettings(Optional<String> host, boolean tlsVerify, Optional<String> certPath,
        Optional<String> apiVersion, Duration callTimeout) {}
