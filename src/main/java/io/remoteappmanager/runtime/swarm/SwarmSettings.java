package io.remoteappmanager.runtime.swarm;

import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.dockerapi.EngineSettings;
import io.remoteappmanager.runtime.dockerapi.RegistryAuth;
import java.time.Duration;

/**
 * Everything the Swarm runtime needs ({@code ram.docker.*} for the manager, {@code ram.swarm.*}), so that it reads no
 * configuration of its own.
 *
 * @param stopGrace              SIGTERM to SIGKILL ({@code ram.stop-timeout})
 * @param restartDelay           the pause of a service's own restart policy ({@code ram.reconcile.initial-backoff})
 * @param taskPoll               how often the task list is read
 * @param requireNoNewPrivileges refuse a manager that cannot set no-new-privileges, rather than warn
 * @param labels                 the realm's labels, which its secret objects carry too
 */
public record SwarmSettings(EngineSettings engine, RegistryAuth.Credentials registry, Duration stopGrace,
        Duration restartDelay, Duration taskPoll, boolean requireNoNewPrivileges, LabelScheme labels) {}
