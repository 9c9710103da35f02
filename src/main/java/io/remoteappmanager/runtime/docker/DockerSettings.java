package io.remoteappmanager.runtime.docker;

import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.dockerapi.EngineSettings;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import java.time.Duration;
import java.util.List;

/**
 * Everything the Docker runtime needs ({@code ram.docker.*}, {@code ram.stop-timeout}, the labels), so that it reads no
 * configuration of its own.
 *
 * @param pullTimeout       how long one image pull may take
 * @param stopTimeout       SIGTERM to SIGKILL
 * @param networks          the bridge networks apps are placed on
 * @param maxAppsPerNetwork the most containers a network may hold before new apps go to the next one
 */
public record DockerSettings(EngineSettings engine, RegistryAuth.Credentials registry, LabelScheme labels,
        Duration pullTimeout, Duration stopTimeout, List<String> networks, int maxAppsPerNetwork) {}
