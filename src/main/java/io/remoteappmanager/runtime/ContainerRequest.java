package io.remoteappmanager.runtime;

import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.VolumeMount;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything needed to launch one app's container, in engine-neutral terms: the actuator builds it from a spec,
 * each runtime translates it, so the translation lives in one place per engine.
 *
 * @param pullPolicy when the image is pulled before the container is created (kubelet's imagePullPolicy)
 * @param network    the network it joins: none until placed, or the one the container it replaces was on (a runtime
 *                   with networks of limited size keeps it there while it can, else places it by its rule)
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
        Optional<String> network) {

    public ContainerRequest {
        labels = Map.copyOf(labels);
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
        volumes = List.copyOf(volumes);
    }

    /** The same container with other host binds (their sources resolved and checked right before the launch). */
    public ContainerRequest withVolumes(List<VolumeMount> checked) {
        return new ContainerRequest(name, image, pullPolicy, labels, environment, command, containerPort, hostIp,
                checked, limits, security, network);
    }

    /** The same container on {@code name}, recorded in the label {@code labelKey} so its placement is read back. */
    public ContainerRequest placedOn(String name, String labelKey) {
        Map<String, String> placed = new HashMap<>(labels);
        placed.put(labelKey, name);
        return new ContainerRequest(this.name, image, pullPolicy, placed, environment, command, containerPort, hostIp,
                volumes, limits, security, Optional.of(name));
    }

    /** Resource ceilings; zero means "engine default" (unlimited). */
    public record Limits(long memoryBytes, double cpus, long pids) {}

    /** Privilege settings: always unprivileged, with an explicit list of kept capabilities. */
    public record Security(boolean init, List<String> capAdd, boolean noNewPrivileges) {
        public Security {
            capAdd = List.copyOf(capAdd);
        }
    }
}
