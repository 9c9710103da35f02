package io.remoteappmanager.runtime.swarm;

import io.remoteappmanager.testing.Templates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.TaskSpec;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.spec.SpecParser;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Safety as in docker mode: services without our realm label are never touched, an empty spec directory prunes
 * nothing, and what a service cannot do as docker mode does is refused before anything is created.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmSafetyIT {

    private static final AppKey ALICE = new AppKey("alice", "web");

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private TestSwarm swarm;
    private SwarmRealm realm;
    private String foreign;
    private String otherRealms;

    @BeforeEach
    void connect() {
        swarm = realms.swarm();
    }

    @AfterEach
    void removeForeignServices() {
        for (String id : new String[] {foreign, otherRealms}) {
            if (id != null) {
                swarm.docker.removeServiceCmd(id).exec();
            }
        }
    }

    @Test
    void servicesOutsideTheRealmAreNeverTouchedWhileAnUnwantedOneOfOursIsPruned() throws Exception {
        realm = realms.create("sforeign", Map.of());
        String prefix = realm.config.realm() + "-";
        foreign = swarm.docker.createServiceCmd(service(prefix + "stranger-web", Map.of())).exec().getId();
        otherRealms = swarm.docker.createServiceCmd(service(prefix + "other-web", Map.of(realm.labels.key("realm"),
                "other", realm.labels.key("user"), "bob", realm.labels.key("mapping_id"), "web"))).exec().getId();
        String unwanted = launchDirectly("bob-web", "bob").id();
        ServiceSpec foreignSpec = spec(foreign);
        ServiceSpec otherSpec = spec(otherRealms);
        realm.writeApp("alice-web", "alice", swarm.httpd, "mappingId: web");

        try (TestController controller = realm.controller()) {
            await().atMost(SwarmRealm.CONVERGE).until(() -> realm.services().stream().noneMatch(s -> s.getId().equals(unwanted)));
            await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(ALICE).map(AppStatus::phase).orElse(null),
                    Phase.Running::equals);
            controller.pass("test: one more pass");

            assertThat(spec(foreign)).as("a service without our labels").isEqualTo(foreignSpec);
            assertThat(spec(otherRealms)).as("another realm's service").isEqualTo(otherSpec);
            assertThat(realm.services()).hasSize(1);
        }
    }

    @Test
    void anEmptySpecDirectoryPrunesNothing() throws Exception {
        realm = realms.create("sempty", Map.of());
        String kept = launchDirectly("alice-web", "alice").id();
        ServiceSpec before = spec(kept);

        try (TestController controller = realm.controller()) {
            await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(ALICE).isPresent());
            controller.pass("test: a pass over an empty directory");

            assertThat(controller.app(ALICE).map(AppStatus::phase)).contains(Phase.Invalid);
            assertThat(controller.lastPass().warnings()).anySatisfy(w -> assertThat(w).contains("pruning nothing"));
            assertThat(spec(kept)).isEqualTo(before);
        }
    }

    @Test
    void hostVolumesAreRefusedBeforeAnythingIsCreated() throws Exception {
        Path home = Files.createTempDirectory("ram-swarm-home-");
        realm = realms.create("svol", Map.of("ram.policy.volume-roots", home.getParent().toString()));
        try {
            realm.writeApp("alice-web", "alice", swarm.httpd, "mappingId: web",
                    "volumes: {" + home + ": {bind: /workspace}}");
            try (TestController controller = realm.controller()) {
                AppStatus failed = await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(ALICE).orElse(null),
                        s -> s != null && s.lastError().isPresent());

                assertThat(failed.lastError().orElseThrow()).contains("host volumes are not supported with ram.runtime=swarm");
                assertThat(realm.services()).isEmpty();
            }
        } finally {
            Files.deleteIfExists(home);
        }
    }

    @Test
    void withoutNoNewPrivilegesOnThisManagerLaunchesAreRefusedUnlessAccepted() {
        realm = realms.create("snnp", Map.of("ram.swarm.require-no-new-privileges", "true"));
        realm.writeApp("alice-web", "alice", swarm.httpd, "mappingId: web");
        try (TestController controller = realm.controller()) {
            AppStatus failed = await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(ALICE).orElse(null),
                    s -> s != null && s.lastError().isPresent());

            assertThat(failed.lastError().orElseThrow()).contains("cannot set no-new-privileges")
                    .contains("ram.swarm.require-no-new-privileges");
            assertThat(realm.services()).isEmpty();
        }
    }

    /** A service of this realm made as the controller would, but by nobody's controller (adopted or pruned later). */
    private RuntimeContainer launchDirectly(String name, String user) {
        String yaml = SpecFiles.app(name, user, swarm.httpd, "mappingId: web");
        var spec = SpecParser.parse(name + ".yaml", yaml.getBytes(StandardCharsets.UTF_8)).specs().get(0);
        return realm.runtime.launch(Templates.of(realm.config, realm.runtime.capabilities()).request(spec, Actuator.newUrlId()));
    }

    /**
     * What a controller could change about a service. Not its version: the manager itself updates a new service (its
     * endpoint allocation, for one) a moment after creating it, which moved the version under load.
     */
    private ServiceSpec spec(String serviceId) {
        return swarm.docker.inspectServiceCmd(serviceId).exec().getSpec();
    }

    private ServiceSpec service(String name, Map<String, String> labels) {
        return new ServiceSpec().withName(name).withLabels(labels)
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(swarm.httpd).withLabels(labels)))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(0)));
    }
}
