package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.ContainerRequest.VolumeMount;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeContainer.PublishedPort;
import io.remoteappmanager.runtime.RuntimeEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between our engine-neutral records and docker-java's models, in both directions. */
final class DockerMapping {

    private DockerMapping() {}

    static RuntimeContainer fromListing(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? "" : stripSlash(c.getNames()[0]);
        Optional<PublishedPort> port = c.getPorts() == null ? Optional.empty() : Arrays.stream(c.getPorts())
                .filter(p -> p.getPublicPort() != null && p.getPrivatePort() != null)
                .min(DockerMapping::preferIpv4)
                .map(p -> new PublishedPort(p.getIp(), p.getPublicPort(), p.getPrivatePort()));
        List<VolumeMount> mounts = c.getMounts() == null ? List.of() : c.getMounts().stream()
                .filter(m -> (m.getName() == null || m.getName().isEmpty()) && m.getSource() != null && m.getDestination() != null)
                .map(m -> new VolumeMount(m.getSource(), m.getDestination(), !Boolean.TRUE.equals(m.getRw())))
                .toList();
        return new RuntimeContainer(c.getId(), name, c.getImage(), c.getImageId(), labels(c.getLabels()),
                RuntimeContainer.State.of(c.getState()), Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated()),
                port, mounts);
    }

    static RuntimeContainer fromInspect(InspectContainerResponse r) {
        Optional<PublishedPort> port = Optional.empty();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
            port = r.getNetworkSettings().getPorts().getBindings().entrySet().stream()
                    .filter(e -> e.getValue() != null && e.getValue().length > 0)
                    .flatMap(e -> Arrays.stream(e.getValue()).map(b -> new PublishedPort(
                            b.getHostIp(), Integer.parseInt(b.getHostPortSpec()), e.getKey().getPort())))
                    .filter(p -> !p.hostIp().contains(":"))
                    .findFirst();
        }
        String state = r.getState() == null ? null : r.getState().getStatus();
        Map<String, String> labels = r.getConfig() == null ? Map.of() : labels(r.getConfig().getLabels());
        String image = r.getConfig() == null ? null : r.getConfig().getImage();
        Bind[] binds = r.getHostConfig() == null ? null : r.getHostConfig().getBinds();
        List<VolumeMount> mounts = binds == null ? List.of() : Arrays.stream(binds)
                .map(b -> new VolumeMount(b.getPath(), b.getVolume().getPath(), b.getAccessMode() == AccessMode.ro))
                .toList();
        return new RuntimeContainer(r.getId(), stripSlash(r.getName()), image, r.getImageId(), labels,
                RuntimeContainer.State.of(state), r.getCreated() == null ? Instant.EPOCH : Instant.parse(r.getCreated()), port,
                mounts);
    }

    static RuntimeEvent fromEvent(Event e) {
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null
                ? Map.of() : e.getActor().getAttributes();
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        return new RuntimeEvent(action == null ? "" : action, e.getId(), attributes);
    }

    static CreateContainerCmd createCommand(DockerClient docker, ContainerRequest request) {
        ExposedPort exposed = ExposedPort.tcp(request.containerPort());
        Ports bindings = new Ports();
        bindings.bind(exposed, Ports.Binding.bindIp(request.hostIp()));
        ContainerRequest.Limits limits = request.limits();
        ContainerRequest.Security security = request.security();
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withBinds(request.volumes().stream()
                        .map(v -> new Bind(v.source(), new Volume(v.target()), v.readOnly() ? AccessMode.ro : AccessMode.rw))
                        .toList())
                .withPrivileged(false)
                .withInit(security.init())
                .withCapDrop(Capability.ALL)
                .withCapAdd(security.capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new))
                .withSecurityOpts(security.noNewPrivileges() ? List.of("no-new-privileges") : List.of());
        if (limits.memoryBytes() > 0) {
            host.withMemory(limits.memoryBytes());
        }
        if (limits.cpus() > 0) {
            host.withNanoCPUs((long) (limits.cpus() * 1e9));
        }
        if (limits.pids() > 0) {
            host.withPidsLimit(limits.pids());
        }
        CreateContainerCmd cmd = docker.createContainerCmd(request.image())
                .withName(request.name())
                .withLabels(request.labels())
                .withEnv(request.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList())
                .withExposedPorts(exposed)
                .withHostConfig(host);
        if (!request.command().isEmpty()) {
            cmd.withCmd(request.command());
        }
        return cmd;
    }

    private static int preferIpv4(ContainerPort a, ContainerPort b) {
        return Boolean.compare(isIpv6(a.getIp()), isIpv6(b.getIp()));
    }

    private static boolean isIpv6(String ip) {
        return ip != null && ip.contains(":");
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
