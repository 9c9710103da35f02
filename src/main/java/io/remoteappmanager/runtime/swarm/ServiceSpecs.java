package io.remoteappmanager.runtime.swarm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.remoteappmanager.model.AppSpec.RestartPolicy;
import io.remoteappmanager.runtime.ContainerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service spec of one app, as the Engine API's JSON: written by hand because docker-java's service model has no
 * fields for capabilities, a pids limit, no-new-privileges or spread preferences. One replica, DNS round robin (no
 * routing mesh), the container port published in host mode on a random port of whichever node runs the task, and
 * the same labels on the service and on its containers.
 */
final class ServiceSpecs {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int READ_ONLY_FOR_ALL = 0444;

    private ServiceSpecs() {}

    /**
     * @param stopGrace       SIGTERM to SIGKILL ({@code ram.stop-timeout})
     * @param restartDelay    Swarm's pause before it starts an ended task again ({@code ram.reconcile.initial-backoff})
     * @param noNewPrivileges whether to ask for it: an engine before API 1.44 drops the field without a word
     * @param secrets         the secret objects mounted at {@code /run/secrets/<file>}, root's and readable by all (0444)
     */
    static ObjectNode of(ContainerRequest request, Duration stopGrace, Duration restartDelay, boolean noNewPrivileges,
            List<SwarmSecrets.Reference> secrets) {
        ObjectNode spec = JSON.objectNode();
        spec.put("Name", request.name());
        spec.set("Labels", labels(request.labels()));
        ObjectNode task = spec.putObject("TaskTemplate");
        ObjectNode container = container(request, stopGrace, noNewPrivileges);
        if (!secrets.isEmpty()) {
            ArrayNode mounted = container.putArray("Secrets");
            for (SwarmSecrets.Reference secret : secrets) {
                ObjectNode reference = mounted.addObject();
                reference.putObject("File").put("Name", secret.file()).put("UID", "0").put("GID", "0")
                        .put("Mode", READ_ONLY_FOR_ALL);
                reference.put("SecretID", secret.id()).put("SecretName", secret.name());
            }
        }
        task.set("ContainerSpec", container);
        ObjectNode limits = JSON.objectNode();
        ContainerRequest.Limits wanted = request.limits();
        if (wanted.memoryBytes() > 0) {
            limits.put("MemoryBytes", wanted.memoryBytes());
        }
        if (wanted.cpus() > 0) {
            limits.put("NanoCPUs", (long) (wanted.cpus() * 1e9));
        }
        if (wanted.pids() > 0) {
            limits.put("Pids", wanted.pids());
        }
        task.putObject("Resources").set("Limits", limits);
        ObjectNode restart = task.putObject("RestartPolicy");
        restart.put("Condition", condition(request.restartPolicy()));
        restart.put("Delay", restartDelay.toNanos());
        restart.put("MaxAttempts", 0);
        placement(request.placement(), task);
        task.put("ForceUpdate", 0);
        spec.putObject("Mode").putObject("Replicated").put("Replicas", 1);
        ObjectNode update = spec.putObject("UpdateConfig");
        update.put("Parallelism", 1);
        update.put("FailureAction", "continue");
        update.put("Order", "stop-first");
        ObjectNode endpoint = spec.putObject("EndpointSpec");
        endpoint.put("Mode", "dnsrr");
        ObjectNode port = endpoint.putArray("Ports").addObject();
        port.put("Protocol", "tcp");
        port.put("TargetPort", request.containerPort());
        port.put("PublishMode", "host");
        return spec;
    }

    private static ObjectNode container(ContainerRequest request, Duration stopGrace, boolean noNewPrivileges) {
        ObjectNode container = JSON.objectNode();
        container.put("Image", request.image());
        container.set("Labels", labels(request.labels()));
        ArrayNode env = container.putArray("Env");
        new TreeMap<>(request.environment()).forEach((name, value) -> env.add(name + "=" + value));
        if (!request.command().isEmpty()) {
            // Args, not Command: a spec's command replaces the image's CMD and keeps its ENTRYPOINT, as in docker mode.
            ArrayNode args = container.putArray("Args");
            request.command().forEach(args::add);
        }
        ContainerRequest.Security security = request.security();
        container.put("Init", security.init());
        container.putArray("CapabilityDrop").add("ALL");
        ArrayNode add = container.putArray("CapabilityAdd");
        security.capAdd().forEach(add::add);
        if (noNewPrivileges) {
            container.putObject("Privileges").put("NoNewPrivileges", true);
        }
        container.put("StopGracePeriod", stopGrace.toNanos());
        return container;
    }

    private static void placement(ContainerRequest.Placement placement, ObjectNode task) {
        if (placement.constraints().isEmpty() && placement.spreads().isEmpty()) {
            return;
        }
        ObjectNode node = task.putObject("Placement");
        ArrayNode constraints = node.putArray("Constraints");
        placement.constraints().forEach(constraints::add);
        ArrayNode preferences = node.putArray("Preferences");
        placement.spreads().forEach(spread -> preferences.addObject().putObject("Spread").put("SpreadDescriptor", spread));
    }

    /** Swarm's restart condition for a restartPolicy: Swarm restarts, so the controller never has to. */
    private static String condition(RestartPolicy policy) {
        return switch (policy) {
            case Always -> "any";
            case OnFailure -> "on-failure";
            case Never -> "none";
        };
    }

    private static ObjectNode labels(Map<String, String> labels) {
        ObjectNode node = JSON.objectNode();
        new TreeMap<>(labels).forEach(node::put);
        return node;
    }
}
