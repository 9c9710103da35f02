package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Apps converge on the real three-node swarm as services, spread over nodes, each answering at its hostUrl; an edit
 * rolls its one service in place (service update), keeping the service, its id and the app's url id.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmConvergeIT {

    private static final int APPS = 6;

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private TestSwarm swarm;
    private SwarmRealm realm;

    @BeforeEach
    void connect() {
        swarm = realms.swarm();
        realm = realms.create("sconv", Map.of());
    }

    @Test
    void appsConvergeSpreadOverNodesEachAnsweringAtItsHostUrl() {
        List<AppKey> keys = IntStream.range(0, APPS).mapToObj(i -> new AppKey("user" + i, "web" + i)).toList();
        keys.forEach(key -> realm.writeApp(key.mappingId(), key.user(), swarm.httpd));

        try (TestController controller = realm.controller()) {
            List<AppStatus> running = await().atMost(SwarmRealm.CONVERGE).until(
                    () -> keys.stream().map(controller::app).flatMap(Optional::stream)
                            .filter(s -> s.phase() == Phase.Running).toList(), all -> all.size() == APPS);

            assertThat(running).allSatisfy(app -> {
                assertThat(app.node()).isPresent();
                assertThat(swarm.nodeAddresses).contains(app.endpoint().orElseThrow().host());
                assertThat(Http.get(app.hostUrl().orElseThrow() + "/")).isEqualTo("ok");
            });
            assertThat(running.stream().map(s -> s.node().orElseThrow()).distinct().count()).as("nodes used")
                    .isGreaterThanOrEqualTo(2);
            assertThat(realm.services()).hasSize(APPS);
        }
    }

    @Test
    void anEditRollsItsOneServiceKeepingTheServiceIdAndTheUrlId() {
        AppKey alice = new AppKey("alice", "web");
        AppKey bob = new AppKey("bob", "web");
        realm.writeApp("alice-web", "alice", swarm.httpd, "mappingId: web");
        realm.writeApp("bob-web", "bob", swarm.httpd, "mappingId: web");
        try (TestController controller = realm.controller()) {
            AppStatus before = awaitRunning(controller, alice, "ok");
            awaitRunning(controller, bob, "ok");
            Map<String, Long> versions = versions();

            realm.writeApp("alice-web", "alice", swarm.httpdV2, "mappingId: web");

            AppStatus after = awaitRunning(controller, alice, "v2");
            assertThat(after.containerId()).as("the same service").isEqualTo(before.containerId());
            assertThat(after.urlId()).isEqualTo(before.urlId());
            assertThat(after.last().action()).contains("recreate");
            assertThat(realm.services()).hasSize(2);
            Map<String, Long> rolled = versions();
            String aliceService = before.containerId().orElseThrow();
            assertThat(rolled.get(aliceService)).as("alice's service was updated").isGreaterThan(versions.get(aliceService));
            versions.remove(aliceService);
            rolled.remove(aliceService);
            assertThat(rolled).as("bob's service was not touched").isEqualTo(versions);
        }
    }

    /** Waits until {@code key} runs and its hostUrl answers {@code body}; returns its status then. */
    private static AppStatus awaitRunning(TestController controller, AppKey key, String body) {
        return await().atMost(SwarmRealm.CONVERGE).ignoreExceptions().until(() -> controller.app(key).orElseThrow(),
                s -> s.phase() == Phase.Running && Http.get(s.hostUrl().orElseThrow() + "/").equals(body));
    }

    /** Each service of the realm by id, with the version Swarm counts up at every change of its spec. */
    private Map<String, Long> versions() {
        Map<String, Long> versions = new java.util.HashMap<>();
        realm.services().forEach(s -> versions.put(s.getId(), s.getVersion().getIndex()));
        return versions;
    }
}
