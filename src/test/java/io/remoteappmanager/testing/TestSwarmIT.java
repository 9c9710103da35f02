package io.remoteappmanager.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Proves that the test swarm of scripts/swarm.sh is what tests of the Swarm runtime rely on. It drains and kills
 * nodes, so it holds the swarm's nodes alone.
 */
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ_WRITE)
class TestSwarmIT {

    private static final Logger LOG = Logger.getLogger(TestSwarmIT.class);
    private static final String PREFIX = "ram-swarmtest-";
    private static final int PORT = 8888;
    /** The first task may have to pull its image on a busy machine. */
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(60);

    private TestSwarm swarm;

    @BeforeEach
    void connect() {
        swarm = TestSwarm.shared();
    }

    @AfterEach
    void restore() {
        if (swarm != null) {   // null when shared() skipped the test
            swarm.removeServices(PREFIX);
            swarm.activateAll();
        }
    }

    @Test
    void threeNodesAreReadyEachAtItsOwnAddressAndHostname() {
        List<SwarmNode> nodes = swarm.nodes();

        assertThat(nodes).hasSize(3).allSatisfy(node -> assertThat(node.getStatus().getState()).isEqualTo(SwarmNodeState.READY));
        assertThat(nodes).extracting(node -> node.getStatus().getAddress()).containsExactlyInAnyOrderElementsOf(swarm.nodeAddresses);
        assertThat(nodes).extracting(node -> node.getDescription().getHostname()).doesNotHaveDuplicates();
    }

    @Test
    void aHostModeServiceAnswersOnItsNodeAndOnAnotherOnceThatNodeIsDrained() {
        long created = System.nanoTime();
        String service = swarm.docker.createServiceCmd(httpdService()).exec().getId();
        Task first = await().atMost(TASK_TIMEOUT).until(() -> swarm.runningTask(service), Optional::isPresent).orElseThrow();
        String firstUrl = swarm.url(first, PORT);
        assertThat(answer(firstUrl)).isEqualTo("ok");
        LOG.infof("service created to answering at %s: %d ms", firstUrl, (System.nanoTime() - created) / 1_000_000);

        long drained = System.nanoTime();
        swarm.drain(first.getNodeId());
        Task moved = await().atMost(TASK_TIMEOUT)
                .until(() -> swarm.runningTask(service).filter(task -> !task.getNodeId().equals(first.getNodeId())), Optional::isPresent)
                .orElseThrow();
        String movedUrl = swarm.url(moved, PORT);
        assertThat(answer(movedUrl)).isEqualTo("ok");
        LOG.infof("node drained to answering at %s: %d ms", movedUrl, (System.nanoTime() - drained) / 1_000_000);
        await().until(() -> !answers(firstUrl));
    }

    @Test
    void aKilledWorkerIsDownUntilItsDockerdStartsAgain() {
        long killed = System.nanoTime();
        swarm.killNode(3);
        long started;
        try {
            swarm.awaitState(3, SwarmNodeState.DOWN);
            LOG.infof("worker killed to reported down: %d ms", (System.nanoTime() - killed) / 1_000_000);
        } finally {
            started = System.nanoTime();
            swarm.startNode(3);   // also when the node was never reported down, so later tests find it back
        }
        swarm.awaitAllReady();
        LOG.infof("worker started to ready: %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** One replica of the test web app, DNS round robin (no routing mesh), its port published on its node. */
    private ServiceSpec httpdService() {
        return new ServiceSpec()
                .withName(PREFIX + UUID.randomUUID().toString().substring(0, 8))
                .withTaskTemplate(new TaskSpec().withContainerSpec(new ContainerSpec().withImage(swarm.httpd)))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(1)))
                .withEndpointSpec(new EndpointSpec().withMode(EndpointResolutionMode.DNSRR).withPorts(List.of(
                        new PortConfig().withProtocol(PortConfigProtocol.TCP).withTargetPort(PORT)
                                .withPublishMode(PortConfig.PublishMode.host))));
    }

    /** The body at {@code url} once it answers (a task's port may open a moment after the task runs). */
    private static String answer(String url) {
        return await().ignoreExceptions().until(() -> Http.get(url), body -> true);
    }

    private static boolean answers(String url) {
        try {
            Http.get(url);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
