package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceSpec;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.ControllerProcess;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Leader election on the test swarm, where the lease is an object in the swarm: a leader process paused (SIGSTOP) for
 * longer than the lease loses it to the standby within 15 s, and once resumed (SIGCONT) changes nothing and stands by;
 * a leader that stops lets go at once; a leader killed (SIGKILL) is replaced within 15 s.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ)
class SwarmLeaderElectionIT {

    static final AppKey ALICE = new AppKey("alice", "web");
    static final AppKey BOB = new AppKey("bob", "web");
    static final Duration TAKEOVER = Duration.ofSeconds(15);

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();

    @Test
    void aPausedOrKilledLeaderIsReplacedWithinTheLeaseAndAResumedOneDoesNothing() throws Exception {
        SwarmRealm realm = realms.create("slead", Map.of("ram.leader-election.enabled", "true"));
        TestSwarm swarm = realms.swarm();
        Map<String, String> childSettings = new HashMap<>(realm.settings);
        childSettings.keySet().removeAll(List.of("ram.realm", "ram.specs.dir"));
        Process first = ControllerProcess.launch(realm.config.realm(), realm.specs, childSettings, Map.of());
        try {
            await().atMost(ControllerProcess.BOOT).until(() -> holder(realm).filter(h -> h.endsWith(":" + first.pid()))
                    .isPresent());
            realm.writeApp("alice-web", "alice", swarm.httpd, "mappingId: web");
            try (TestController second = realm.controller()) {
                assertThat(second.app.leadership().leads()).as("the first holds the lease").isFalse();
                await().atMost(SwarmRealm.CONVERGE).until(() -> phase(second, ALICE) == Phase.Running);

                signal("STOP", first);
                Duration paused = takeover(second);
                System.out.printf("swarm leader election: the standby led %d ms after SIGSTOP of the leader%n",
                        paused.toMillis());
                assertThat(paused).isLessThanOrEqualTo(TAKEOVER);
                realm.writeApp("bob-web", "bob", swarm.httpd, "mappingId: web");
                await().atMost(SwarmRealm.CONVERGE).until(() -> phase(second, BOB) == Phase.Running);
                Map<String, ServiceSpec> converged = specs(realm);

                signal("CONT", first);
                String self = second.status.current().leader().self();
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> holder(realm).equals(Optional.of(self)) && specs(realm).equals(converged));
                assertThat(second.app.leadership().leads()).isTrue();
            }
            // The second let go as it closed: the first leads again at its next claim.
            await().atMost(Duration.ofSeconds(5)).until(() -> holder(realm).filter(h -> h.endsWith(":" + first.pid()))
                    .isPresent());

            try (TestController third = realm.controller()) {
                await().until(() -> third.status.current().leader().leader().filter(h -> h.endsWith(":" + first.pid()))
                        .isPresent());
                first.destroyForcibly(); // SIGKILL
                Duration killed = takeover(third);
                System.out.printf("swarm leader election: the standby led %d ms after SIGKILL of the leader%n",
                        killed.toMillis());
                assertThat(killed).isLessThanOrEqualTo(TAKEOVER);
                assertThat(realm.services()).as("one service per app, none touched by the election").hasSize(2);
            }
        } finally {
            first.destroyForcibly();
            first.waitFor();
        }
    }

    /** How long after now {@code standby} takes the lead. */
    private static Duration takeover(TestController standby) {
        long from = System.nanoTime();
        await().atMost(TAKEOVER.plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> standby.app.leadership().leads());
        return Duration.ofNanos(System.nanoTime() - from);
    }

    private static Optional<String> holder(SwarmRealm realm) {
        return realm.swarm.docker.listServicesCmd().withNameFilter(List.of(realm.leaseName())).exec().stream()
                .map(lease -> lease.getSpec().getLabels().get(realm.labels.key("lease.holder")))
                .filter(h -> h != null && !h.isEmpty()).findFirst();
    }

    private static Map<String, ServiceSpec> specs(SwarmRealm realm) {
        return realm.services().stream().collect(Collectors.toMap(Service::getId, Service::getSpec));
    }

    private static Phase phase(TestController controller, AppKey key) {
        return controller.app(key).map(AppStatus::phase).orElse(null);
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        assertThat(exit).as("kill -%s %d", signal, process.pid()).isZero();
    }
}
