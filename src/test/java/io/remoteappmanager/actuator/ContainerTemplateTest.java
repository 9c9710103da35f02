package io.remoteappmanager.actuator;

import io.remoteappmanager.testing.Templates;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.spec.SpecParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** What the template makes of a spec's placement and restart policy, and when they count in the spec hash. */
@Execution(ExecutionMode.CONCURRENT)
class ContainerTemplateTest {

    private static final String APP = "apiVersion: remoteappmanager/v1\nkind: RemoteApp\nmetadata:\n  name: web\n"
            + "spec:\n  user: alice\n  image: ram-test/httpd:1\n";
    private static final Map<String, String> SWARM = Map.of("ram.runtime", "swarm",
            "ram.swarm.placement.constraints", "node.role == worker",
            "ram.swarm.placement.preferences", "spread=node.labels.zone");

    @Test
    void aSpecsOwnPlacementListReplacesOnlyThatDefault() {
        ContainerTemplate template = template(SWARM);

        assertThat(template.request(spec(""), "u1").placement())
                .isEqualTo(new ContainerRequest.Placement(List.of("node.role == worker"), List.of("node.labels.zone")));
        assertThat(template.request(spec("  placement: {constraints: ['node.labels.gpu == true']}\n"), "u1").placement())
                .isEqualTo(new ContainerRequest.Placement(List.of("node.labels.gpu == true"), List.of("node.labels.zone")));
        assertThat(template.request(spec("  placement: {constraints: [], preferences: []}\n"), "u1").placement())
                .isEqualTo(ContainerRequest.Placement.ANYWHERE);
        assertThat(template.request(spec("  restartPolicy: OnFailure\n"), "u1").restartPolicy())
                .isEqualTo(AppSpec.RestartPolicy.OnFailure);
    }

    @Test
    void placementAndRestartPolicyCountInTheHashOnASwarmOnly() {
        AppSpec plain = spec("");
        AppSpec placed = spec("  placement: {constraints: ['node.labels.gpu == true']}\n");
        AppSpec onFailure = spec("  restartPolicy: OnFailure\n");
        ContainerTemplate docker = template(Map.of());
        ContainerTemplate swarm = template(SWARM);

        assertThat(docker.specHash(placed)).isEqualTo(docker.specHash(plain));
        assertThat(docker.specHash(onFailure)).isEqualTo(docker.specHash(plain));
        assertThat(swarm.specHash(placed)).isNotEqualTo(swarm.specHash(plain));
        assertThat(swarm.specHash(onFailure)).isNotEqualTo(swarm.specHash(plain));
        assertThat(swarm.specHash(plain)).isNotEqualTo(docker.specHash(plain));
        assertThat(template(Map.of("ram.runtime", "swarm")).specHash(plain))
                .as("a changed default placement rolls the apps that use it").isNotEqualTo(swarm.specHash(plain));
    }

    private static ContainerTemplate template(Map<String, String> settings) {
        return Templates.of(StandaloneConfig.load(Map.of(), settings));
    }

    private static AppSpec spec(String extra) {
        return SpecParser.parse("alice.yaml", (APP + extra).getBytes(StandardCharsets.UTF_8)).specs().get(0);
    }
}
