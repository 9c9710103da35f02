package io.remoteappmanager.runtime.swarm;

import io.remoteappmanager.testing.Templates;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.core.DockerClientConfig;
import io.remoteappmanager.config.RamConfig;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.model.ContainerState;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.spec.SpecParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The service spec an app's request becomes: what docker mode gives a container, in Swarm's terms. */
@Execution(ExecutionMode.CONCURRENT)
class ServiceSpecsTest {

    private static final RamConfig CONFIG = StandaloneConfig.load(Map.of(), Map.of("ram.runtime", "swarm", "ram.realm", "r",
            "ram.swarm.placement.preferences", "spread=node.labels.zone"));

    @Test
    void oneReplicaOurLabelsTwiceDnsRoundRobinAndTheContainerPortOnTheNode() {
        JsonNode spec = spec("  containerPort: 9000\n");

        assertThat(spec.path("Name").asText()).isEqualTo("r-alice-web");
        assertThat(spec.path("Labels").path("remoteappmanager.realm").asText()).isEqualTo("r");
        assertThat(spec.path("TaskTemplate").path("ContainerSpec").path("Labels")).isEqualTo(spec.path("Labels"));
        assertThat(spec.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(1);
        assertThat(spec.path("EndpointSpec").path("Mode").asText()).isEqualTo("dnsrr");
        JsonNode port = spec.path("EndpointSpec").path("Ports").get(0);
        assertThat(port.path("TargetPort").asInt()).isEqualTo(9000);
        assertThat(port.path("PublishMode").asText()).isEqualTo("host");
        assertThat(port.has("PublishedPort")).as("a random port").isFalse();
        assertThat(spec.path("UpdateConfig").path("Order").asText()).isEqualTo("stop-first");
    }

    @Test
    void limitsCapabilitiesInitEnvironmentAndCommandAsInDockerMode() {
        JsonNode spec = spec("  command: [-p, '9000']\n  environment: {THEME: dark}\n"
                + "  resources: {memory: 64m, cpus: 0.5, pids: 100}\n");
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        JsonNode limits = spec.path("TaskTemplate").path("Resources").path("Limits");

        assertThat(texts(container.path("Args"))).as("the image's entrypoint stays").containsExactly("-p", "9000");
        assertThat(container.has("Command")).isFalse();
        assertThat(texts(container.path("Env"))).contains("THEME=dark", "JPY_USER=alice", "USER=alice");
        assertThat(container.path("Init").asBoolean()).isTrue();
        assertThat(texts(container.path("CapabilityDrop"))).containsExactly("ALL");
        assertThat(texts(container.path("CapabilityAdd"))).containsExactlyElementsOf(CONFIG.docker().capAdd());
        assertThat(container.path("StopGracePeriod").asLong()).isEqualTo(CONFIG.stopTimeout().toNanos());
        assertThat(limits.path("MemoryBytes").asLong()).isEqualTo(64L << 20);
        assertThat(limits.path("NanoCPUs").asLong()).isEqualTo(500_000_000L);
        assertThat(limits.path("Pids").asLong()).isEqualTo(100);
        assertThat(container.has("Mounts")).isFalse();
    }

    @Test
    void noNewPrivilegesOnlyWhenTheManagerKeepsIt() {
        ContainerRequest request = request("");

        assertThat(ServiceSpecs.of(request, Duration.ofSeconds(1), Duration.ofSeconds(1), true, List.of())
                .path("TaskTemplate").path("ContainerSpec").path("Privileges").path("NoNewPrivileges").asBoolean()).isTrue();
        assertThat(ServiceSpecs.of(request, Duration.ofSeconds(1), Duration.ofSeconds(1), false, List.of())
                .path("TaskTemplate").path("ContainerSpec").has("Privileges")).isFalse();
    }

    @Test
    void restartPolicyBecomesSwarmsRestartConditionWithTheRetryDelay() {
        assertThat(spec("").path("TaskTemplate").path("RestartPolicy").path("Condition").asText()).isEqualTo("any");
        assertThat(spec("  restartPolicy: OnFailure\n").path("TaskTemplate").path("RestartPolicy").path("Condition").asText())
                .isEqualTo("on-failure");
        JsonNode never = spec("  restartPolicy: Never\n").path("TaskTemplate").path("RestartPolicy");
        assertThat(never.path("Condition").asText()).isEqualTo("none");
        assertThat(never.path("Delay").asLong()).isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(never.path("MaxAttempts").asInt()).as("no limit: Swarm retries for good, as docker mode does").isZero();
    }

    @Test
    void placementIsPassedAsWritten() {
        JsonNode placement = spec("  placement: {constraints: ['node.role == worker']}\n").path("TaskTemplate").path("Placement");

        assertThat(texts(placement.path("Constraints"))).containsExactly("node.role == worker");
        assertThat(placement.path("Preferences").get(0).path("Spread").path("SpreadDescriptor").asText())
                .isEqualTo("node.labels.zone");
        ContainerRequest r = request("");
        ContainerRequest anywhere = new ContainerRequest(r.name(), r.image(), r.pullPolicy(), r.labels(), r.environment(),
                r.command(), r.containerPort(), r.hostIp(), r.volumes(), r.limits(), r.security(), r.restartPolicy(),
                ContainerRequest.Placement.ANYWHERE, r.network(), r.secrets());
        assertThat(ServiceSpecs.of(anywhere, Duration.ZERO, Duration.ZERO, false, List.of()).path("TaskTemplate").has("Placement"))
                .as("none at all: no Placement").isFalse();
    }

    @Test
    void fileSecretsAreMountedFromTheirObjectsAndTheVariableHoldsThePath() {
        ContainerRequest request = request("  secrets: {LICENCE_FILE: {file: licence, as: file}}\n");
        JsonNode container = ServiceSpecs.of(request, Duration.ZERO, Duration.ZERO, false,
                List.of(new SwarmSecrets.Reference("s1d", "r-licence-0123456789ab", "licence")))
                .path("TaskTemplate").path("ContainerSpec");

        JsonNode secret = container.path("Secrets").get(0);
        assertThat(secret.path("SecretID").asText()).isEqualTo("s1d");
        assertThat(secret.path("SecretName").asText()).isEqualTo("r-licence-0123456789ab");
        assertThat(secret.path("File").path("Name").asText()).isEqualTo("licence");
        assertThat(secret.path("File").path("Mode").asInt()).isEqualTo(0444);
        assertThat(texts(container.path("Env"))).contains("LICENCE_FILE=/run/secrets/licence");
        assertThat(spec("").path("TaskTemplate").path("ContainerSpec").has("Secrets")).isFalse();
    }

    @Test
    void aLaunchAnswersWhatAnInspectRightAfterItsCreateReads() throws Exception {
        ContainerRequest request = request("  containerPort: 9000\n");
        Instant sent = Instant.parse("2030-01-01T12:00:00Z");
        ObjectNode created = JsonNodeFactory.instance.objectNode().put("ID", "svc1").put("CreatedAt", sent.toString());
        created.putObject("Version").put("Index", 11);
        created.set("Spec", ServiceSpecs.of(request, CONFIG.stopTimeout(), Duration.ofSeconds(2), false, List.of()));
        Service service = DockerClientConfig.getDefaultObjectMapper().treeToValue(created, Service.class);

        RuntimeContainer launched = SwarmMapping.created("svc1", request, sent);

        assertThat(launched).isEqualTo(SwarmMapping.of(service, List.of(), node -> Optional.empty(), sent));
        assertThat(launched.state()).as("Swarm brings it up; CREATED would have the planner start it")
                .isEqualTo(ContainerState.RESTARTING);
        assertThat(launched.detail()).contains(SwarmMapping.NO_TASK_YET);
    }

    private static JsonNode spec(String extra) {
        return ServiceSpecs.of(request(extra), CONFIG.stopTimeout(), Duration.ofSeconds(2), false, List.of());
    }

    private static ContainerRequest request(String extra) {
        String yaml = "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata:\n  name: web\nspec:\n  user: alice\n"
                + "  image: 10.214.0.1:5000/ram-test/httpd:1\n  mappingId: web\n" + extra;
        return Templates.of(CONFIG)
                .request(SpecParser.parse("alice.yaml", yaml.getBytes(StandardCharsets.UTF_8)).specs().get(0), "0123abcd");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
