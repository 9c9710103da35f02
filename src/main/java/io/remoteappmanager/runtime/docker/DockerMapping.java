package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
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
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.model.HealthStatus;
import io.remoteappmanager.model.VolumeMount;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.RuntimeEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Converts between our engine-neutral records and docker-java's models, in both directions. */
final class DockerMapping {

    private static final Pattern EXITED = Pattern.compile("^Exited \\((-?\\d{1,9})\\)");
    /** The health in a listing's status text: {@code Up 5 seconds (healthy)}, {@code (health: starting)}. */
    private static final Pattern HEALTH = Pattern.compile("\\((?:health: )?(starting|healthy|unhealthy)\\)$");
    /** How much of a failed health check's output the state's detail keeps. */
    private static final int HEALTH_OUTPUT_KEPT = 200;

    private DockerMapping() {}

    /** @param imageDigest the registry digest of the container's image, when known */
    static RuntimeContainer fromListing(Container c, Instant observedAt, Optional<String> imageDigest) {
        String name = c.getNames() == null || c.getNames().length == 0 ? "" : stripSlash(c.getNames()[0]);
        Optional<Endpoint> endpoint = c.getPorts() == null ? Optional.empty() : Arrays.stream(c.getPorts())
                .filter(p -> p.getPublicPort() != null && p.getPrivatePort() != null && p.getIp() != null)
                .min(DockerMapping::preferIpv4)
                .map(p -> new Endpoint(p.getIp(), p.getPublicPort()));
        List<VolumeMount> mounts = c.getMounts() == null ? List.of() : c.getMounts().stream()
                .filter(m -> (m.getName() == null || m.getName().isEmpty()) && m.getSource() != null && m.getDestination() != null)
                .map(m -> new VolumeMount(m.getSource(), m.getDestination(), !Boolean.TRUE.equals(m.getRw())))
                .toList();
        ContainerState state = ContainerState.of(c.getState());
        return new RuntimeContainer(c.getId(), name, c.getImage(), c.getImageId(), labels(c.getLabels()), state,
                Instant.ofEpochSecond(c.getCreated() == null ? 0 : c.getCreated()), endpoint, mounts,
                exitCodeOf(state, c.getStatus()), Optional.empty(), Optional.ofNullable(c.getStatus()), 0,
                healthOf(c.getStatus()), imageDigest, observedAt);
    }

    /** @param imageDigest the registry digest of the container's image, when known */
    static RuntimeContainer fromInspect(InspectContainerResponse r, Instant observedAt, Optional<String> imageDigest) {
        Optional<Endpoint> endpoint = Optional.empty();
        if (r.getNetworkSettings() != null && r.getNetworkSettings().getPorts() != null) {
            endpoint = r.getNetworkSettings().getPorts().getBindings().values().stream()
                    .filter(bindings -> bindings != null)
                    .flatMap(Arrays::stream)
                    .filter(b -> b.getHostIp() != null && b.getHostPortSpec() != null)
                    .min((a, b) -> Boolean.compare(isIpv6(a.getHostIp()), isIpv6(b.getHostIp())))
                    .map(b -> new Endpoint(b.getHostIp(), Integer.parseInt(b.getHostPortSpec())));
        }
        InspectContainerResponse.ContainerState state = r.getState();
        ContainerState folded = ContainerState.of(state == null ? null : state.getStatus());
        Map<String, String> labels = r.getConfig() == null ? Map.of() : labels(r.getConfig().getLabels());
        String image = r.getConfig() == null ? null : r.getConfig().getImage();
        Bind[] binds = r.getHostConfig() == null ? null : r.getHostConfig().getBinds();
        List<VolumeMount> mounts = binds == null ? List.of() : Arrays.stream(binds)
                .map(b -> new VolumeMount(b.getPath(), b.getVolume().getPath(), b.getAccessMode() == AccessMode.ro))
                .toList();
        OptionalInt exitCode = state == null || state.getExitCodeLong() == null || folded.isUp() || folded == ContainerState.CREATED
                ? OptionalInt.empty() : OptionalInt.of(state.getExitCodeLong().intValue());
        HealthState healthState = state == null ? null : state.getHealth();
        HealthStatus health = HealthStatus.of(healthState == null ? null : healthState.getStatus());
        Optional<String> detail = state == null ? Optional.empty()
                : Optional.ofNullable(state.getError()).filter(e -> !e.isBlank());
        if (detail.isEmpty() && health == HealthStatus.UNHEALTHY) {
            detail = lastHealthCheck(healthState);
        }
        return new RuntimeContainer(r.getId(), stripSlash(r.getName()), image, r.getImageId(), labels, folded,
                r.getCreated() == null ? Instant.EPOCH : Instant.parse(r.getCreated()), endpoint, mounts, exitCode,
                Optional.empty(), detail, 0, health, imageDigest, observedAt);
    }

    /** The health in a listing's status text; NONE when it names none. */
    static HealthStatus healthOf(String status) {
        if (status == null) {
            return HealthStatus.NONE;
        }
        Matcher m = HEALTH.matcher(status);
        return m.find() ? HealthStatus.of(m.group(1)) : HealthStatus.NONE;
    }

    /** What the last health check said: its exit code and the start of its output. */
    private static Optional<String> lastHealthCheck(HealthState health) {
        List<HealthStateLog> log = health.getLog();
        if (log == null || log.isEmpty()) {
            return Optional.empty();
        }
        HealthStateLog last = log.get(log.size() - 1);
        String output = last.getOutput() == null ? "" : last.getOutput().replaceAll("\\s+", " ").strip();
        if (output.length() > HEALTH_OUTPUT_KEPT) {
            output = output.substring(0, HEALTH_OUTPUT_KEPT) + "…";
        }
        return Optional.of("HEALTHCHECK exited " + last.getExitCodeLong() + (output.isEmpty() ? "" : ": " + output));
    }

    static RuntimeEvent fromEvent(Event e) {
        Map<String, String> attributes = e.getActor() == null || e.getActor().getAttributes() == null
                ? Map.of() : e.getActor().getAttributes();
        String action = e.getAction() != null ? e.getAction() : e.getStatus();
        long nanos = e.getTimeNano() != null ? e.getTimeNano() : e.getTime() == null ? 0 : e.getTime() * 1_000_000_000L;
        return new RuntimeEvent(action == null ? "" : action, e.getId(), attributes, nanos);
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
        request.network().ifPresent(host::withNetworkMode);
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
                .withEnv(environment(request))
                .withExposedPorts(exposed)
                .withHostConfig(host);
        if (!request.command().isEmpty()) {
            cmd.withCmd(request.command());
        }
        return cmd;
    }

    /** The request's variables and the values of its secrets given as variables, which only the engine ever sees. */
    private static List<String> environment(ContainerRequest request) {
        Stream<String> plain = request.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue());
        Stream<String> secret = request.secrets().stream().filter(s -> !s.asFile())
                .map(s -> s.name() + "=" + s.environmentValue());
        return Stream.concat(plain, secret).sorted().toList();
    }

    private static int preferIpv4(ContainerPort a, ContainerPort b) {
        return Boolean.compare(isIpv6(a.getIp()), isIpv6(b.getIp()));
    }

    private static boolean isIpv6(String ip) {
        return ip != null && ip.contains(":");
    }

    /** The exit code in a listing's status text ({@code Exited (137) 3 seconds ago}), when the container has exited. */
    private static OptionalInt exitCodeOf(ContainerState state, String status) {
        if (status == null || (state != ContainerState.EXITED && state != ContainerState.DEAD)) {
            return OptionalInt.empty();
        }
        Matcher m = EXITED.matcher(status);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    private static String stripSlash(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }
}
