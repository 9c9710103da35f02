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
 * Swarm restarts a crashed task under the service's restart policy, so the controller restarts nothing itself; an app
 * that keeps crashing shows CrashLoopBackOff from its task history, and one that may not restart is Completed.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmCrashLoopIT {

    private static final AppKey CRASHING = new AppKey("alice", "crash");
    private static final AppKey ONCE = new AppKey("bob", "once");

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private TestSwarm swarm;
    private SwarmRealm realm;

    @BeforeEach
    void connect() {
        swarm = realms.swarm();
        realm = realms.create("scrash", Map.of());
    }

    @Test
    void aCrashLoopIsShownFromTaskHistoryWhileSwarmDoesTheRestarting() {
        realm.writeApp("alice-crash", "alice", swarm.crash, "mappingId: crash");
        realm.writeApp("bob-once", "bob", swarm.crash, "mappingId: once", "restartPolicy: Never");

        try (TestController controller = realm.controller()) {
            AppStatus looping = await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(CRASHING).orElse(null),
                    s -> s != null && s.phase() == Phase.CrashLoopBackOff);
            assertThat(looping.message()).contains("last with exit code 1");
            assertThat(looping.exitCode()).hasValue(1);
            AppStatus completed = await().atMost(SwarmRealm.CONVERGE).until(() -> controller.app(ONCE).orElse(null),
                    s -> s != null && s.phase() == Phase.Completed);
            assertThat(completed.exitCode()).hasValue(1);

            assertThat(looping.lastAction()).as("the controller only created it: Swarm restarts it").contains("create");
            assertThat(completed.lastAction()).contains("create");
            assertThat(looping.containerId()).isEqualTo(controller.app(CRASHING).orElseThrow().containerId());
            assertThat(realm.services()).hasSize(2);
        }
    }
}
