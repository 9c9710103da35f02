package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Apps converge on the real three-node swarm as services, spread over nodes, each answering at its hostUrl. */
@Execution(ExecutionMode.CONCURRENT)
class SwarmConvergeTest {

    private static final int APPS = 6;

    private TestSwarm swarm;
    private SwarmRealm realm;

    @BeforeEach
    void connect() {
        swarm = TestSwarm.connect();
        realm = SwarmRealm.create(swarm, "sconv", Map.of());
    }

    @AfterEach
    void clean() {
        if (realm != null) {
            realm.close();
        }
        if (swarm != null) {
            swarm.close();
        }
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
}
