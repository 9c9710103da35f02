package io.remoteappmanager.runtime;

import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.model.VolumeMount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to launch one app's container, in engine-neutral terms: the actuator builds it from a spec,
 * each runtime translates it, so the translation lives in one place per engine.
 *
 * @param pullPolicy    when the image is pulled before the container is created (kubelet's imagePullPolicy)
 * @param restartPolicy when an exited app starts again: the controller's rule on one engine, Swarm's own on a swarm
 * @param placement     where a swarm may run it (spec and configured defaults merged); a single engine ignores it
 * @param network       the network it joins: none until placed, or the one the container it replaces was on (a
 *                      runtime with networks of limited size keeps it there while it can, else places it by its rule)
 * @param secrets       the contents of the spec's secrets, read right before the launch (none in a container read back)
 */
public record ContainerRequest(
        String name,
        String image,
        PullPolicy pullPolicy,
        Map<String, String> labels,
        Map<String, String> environment,
        List<String> command,
        int containerPort,
        String hostIp,
        List<VolumeMount> volumes,
        Limits limits,
        Security security,
        RestartPolicy restartPolicy,
        Placement placement,
        Optional<String> network,
        List<SecretValue> secrets) {

    public ContainerRequest {
        labels = Map.copyOf(labels);
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
        volumes = List.copyOf(volumes);
        secrets = List.copyOf(secrets);
    }

    /** The same container with other host binds (their sources resolved and checked right before the launch). */
    public ContainerRequest withVolumes(List<VolumeMount> checked) {
        return new ContainerRequest(name, image, pullPolicy, labels, environment, command, containerPort, hostIp,
                checked, limits, security, restartPolicy, placement, network, secrets);
    }

    /** The same container with the contents of its secrets, read right before the launch. */
    public ContainerRequest withSecrets(List<SecretValue> read) {
        return new ContainerRequest(name, image, pullPolicy, labels, environment, command, containerPort, hostIp,
                volumes, limits, security, restartPolicy, placement, network, read);
    }

    /** The same container on {@code name}, recorded in the label {@code labelKey} so its placement is read back. */
    public ContainerRequest placedOn(String name, String labelKey) {
        Map<String, String> placed = new HashMap<>(labels);
        placed.put(labelKey, name);
        return new ContainerRequest(this.name, image, pullPolicy, placed, environment, command, containerPort, hostIp,
                volumes, limits, security, restartPolicy, placement, Optional.of(name), secrets);
    }

    /** Resource ceilings; zero means "engine default" (unlimited). */
    public record Limits(long memoryBytes, double cpus, long pids) {}

    /** Swarm's placement: constraints and the descriptors to spread over, passed as written. */
    public record Placement(List<String> constraints, List<String> spreads) {
        public static final Placement ANYWHERE = new Placement(List.of(), List.of());

        public Placement {
            constraints = List.copyOf(constraints);
            spreads = List.copyOf(spreads);
        }
    }

    /** Privilege settings: always unprivileged, with an explicit list of kept capabilities. */
    public record Security(boolean init, List<String> capAdd, boolean noNewPrivileges) {
        public Security {
            capAdd = List.copyOf(capAdd);
        }
    }
}
