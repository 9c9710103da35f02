package io.remoteappmanager.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container, in engine-neutral terms; the manager builds it from a
 * spec and the runtime translates it, so the translation lives in one place.
 */
public record ContainerRequest(
        String name,
        String image,
        Map<String, String> labels,
        Map<String, String> environment,
        List<String> command,
        int containerPort,
        String hostIp,
        List<VolumeMount> volumes,
        Limits limits,
        Security security) {

    public ContainerRequest {
        labels = Map.copyOf(labels);
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
        volumes = List.copyOf(volumes);
    }

    /** The same container with other host binds (their sources resolved and checked right before create). */
    public ContainerRequest withVolumes(List<VolumeMount> checked) {
        return new ContainerRequest(name, image, labels, environment, command, containerPort, hostIp, checked, limits,
                security);
    }

    /** A host directory bound into the container. */
    public record VolumeMount(String source, String target, boolean readOnly) {}

    /** Resource ceilings; zero means "engine default" (unlimited). */
    public record Limits(long memoryBytes, double cpus, long pids) {
        public static final Limits NONE = new Limits(0, 0, 0);
    }

    /** Privilege settings: always unprivileged, with an explicit list of kept capabilities. */
    public record Security(boolean init, List<String> capAdd, boolean noNewPrivileges) {
        public Security {
            capAdd = List.copyOf(capAdd);
        }
    }
}
