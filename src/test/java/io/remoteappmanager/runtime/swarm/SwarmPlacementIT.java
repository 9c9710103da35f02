package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Placement goes to Swarm as written: a spec's constraint and the configured default are honoured, and an app no node
 * can take is Pending with Swarm's own reason.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmPlacementIT {

    private static final AppKey PINNED = new AppKey("alice", "pinned");
    private static final AppKey NOWHERE = new AppKey("carol", "nowhere");

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private TestSwarm swarm;
    private SwarmRealm realm;

    @BeforeEach
    void connect() {
        swarm = realms.swarm();
        realm = realms.create("splace", Map.of("ram.swarm.placement.constraints", "node.role == worker"));
    }

    @Test
    void constraintsAreHonouredAndAnAppNoNodeCanTakeIsPendingWithSwarmsReason() {
        realm.writeApp("alice-pinned", "alice", swarm.httpd, "mappingId: pinned",
                "placement: {constraints: ['node.hostname == ram-swarm-1']}");
        for (int i = 0; i < 3; i++) {
            realm.writeApp("bob-worker" + i, "bob", swarm.httpd, "mappingId: worker" + i);
        }
        realm.writeApp("carol-nowhere", "carol", swarm.httpd, "mappingId: nowhere",
                "placement: {constraints: ['node.labels.ram-test-nosuch == yes']}");

        try (TestController controller = realm.controller()) {
            AppStatus pinned = awaitPhase(controller, PINNED, Phase.Running);
            assertThat(pinned.node()).as("the spec's constraint replaces the default").contains("ram-swarm-1");
            for (int i = 0; i < 3; i++) {
                AppStatus worker = awaitPhase(controller, new AppKey("bob", "worker" + i), Phase.Running);
                assertThat(worker.node()).as("the default constraint: a worker").isNotEqualTo(pinned.node());
            }
            AppStatus nowhere = awaitPhase(controller, NOWHERE, Phase.Pending);
            await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(NOWHERE).orElseThrow().message(),
                    m -> m.contains("no suitable node (scheduling constraints not satisfied on 3 nodes)"));
            assertThat(nowhere.lastAction()).contains("create");
            assertThat(nowhere.endpoint()).isEmpty();
        }
    }

    private static AppStatus awaitPhase(TestController controller, AppKey key, Phase phase) {
        return await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(key).orElse(null),
                s -> s != null && s.phase() == phase);
    }
}
