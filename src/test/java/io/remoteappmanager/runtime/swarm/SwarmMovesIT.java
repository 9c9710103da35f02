package io.remoteappmanager.runtime.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.SwarmNodeState;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.Phase;
import io.remoteappmanager.proxy.ProxyRoute;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.Chp;
import io.remoteappmanager.testing.Http;
import io.remoteappmanager.testing.SwarmRealm;
import io.remoteappmanager.testing.SwarmRealms;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestSwarm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Swarm moves apps and the controller follows: a drained node's apps run elsewhere and their status, CHP route and url
 * id follow; a lost worker's apps are rescheduled; a manager outage changes nothing. These tests take nodes away, so
 * they hold the swarm's nodes alone (other swarm test classes share them, reading).
 */
@ResourceLock(value = TestSwarm.NODES, mode = ResourceAccessMode.READ_WRITE)
class SwarmMovesIT {

    private static final Logger LOG = Logger.getLogger(SwarmMovesIT.class);
    private static final int APPS = 4;
    private static final List<AppKey> KEYS = IntStream.range(0, APPS).mapToObj(i -> new AppKey("user" + i, "web")).toList();

    @RegisterExtension
    final SwarmRealms realms = new SwarmRealms();
    private TestSwarm swarm;
    private SwarmRealm realm;
    private Chp chp;

    @BeforeEach
    void connect() {
        swarm = realms.swarm();
        chp = Chp.shared();
    }

    /** Every node back before the realm's services are removed, so that the next test finds the whole swarm. */
    @AfterEach
    void restoreNodes() {
        if (swarm != null) {   // null when no swarm skipped the test
            swarm.activateAll();
            swarm.awaitAllReady();
        }
    }

    @Test
    void drainingANodeMovesItsAppsAndTheirStatusRoutesAndUrlIdsFollow() {
        realm = realms.create("sdrain", chp.settings());
        KEYS.forEach(key -> realm.writeApp(key.user() + "-web", key.user(), swarm.httpd, "mappingId: web"));
        try (TestController controller = realm.controller()) {
            Map<AppKey, AppStatus> before = awaitServedThroughChp(controller, app -> true);
            String busiest = before.values().stream().collect(Collectors.groupingBy(s -> s.node().orElseThrow(),
                    Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<AppKey> onIt = KEYS.stream().filter(k -> before.get(k).node().orElseThrow().equals(busiest)).toList();

            long drained = System.nanoTime();
            swarm.drain(swarm.nodeId(nodeNumber(busiest)));

            Map<AppKey, AppStatus> after = awaitServedThroughChp(controller, app -> !app.node().orElseThrow().equals(busiest));
            LOG.infof("drained %s: its %d app(s) running elsewhere and routed in %d ms", busiest, onIt.size(),
                    (System.nanoTime() - drained) / 1_000_000);
            for (AppKey key : KEYS) {
                assertThat(after.get(key).urlId()).as("url id of %s", key).isEqualTo(before.get(key).urlId());
                assertThat(after.get(key).containerId()).as("service of %s", key).isEqualTo(before.get(key).containerId());
            }
            for (AppKey moved : onIt) {
                assertThat(after.get(moved).hostUrl()).as("%s moved", moved).isNotEqualTo(before.get(moved).hostUrl());
            }
            assertThat(realm.services()).hasSize(APPS);
        }
    }

    @Test
    void aLostWorkersAppsAreRescheduledOnAnother() {
        realm = realms.create("sloss", Map.of("ram.swarm.placement.constraints", "node.role == worker"));
        KEYS.forEach(key -> realm.writeApp(key.user() + "-web", key.user(), swarm.httpd, "mappingId: web"));
        try (TestController controller = realm.controller()) {
            Map<AppKey, AppStatus> before = awaitRunning(controller, app -> true);
            String lost = before.get(KEYS.get(0)).node().orElseThrow();
            int node = nodeNumber(lost);

            long killed = System.nanoTime();
            swarm.killNode(node);
            try {
                Map<AppKey, AppStatus> after = awaitRunning(controller, app -> !app.node().orElseThrow().equals(lost));
                LOG.infof("killed %s's dockerd: its apps running on another worker in %d ms", lost,
                        (System.nanoTime() - killed) / 1_000_000);
                KEYS.forEach(key -> assertThat(after.get(key).urlId()).isEqualTo(before.get(key).urlId()));
                assertThat(realm.services()).hasSize(APPS);
            } finally {
                swarm.startNode(node);
            }
        }
    }

    @Test
    void aManagerOutageChangesNothing() {
        realm = realms.create("smgr", Map.of("ram.swarm.placement.constraints", "node.role == worker"));
        KEYS.forEach(key -> realm.writeApp(key.user() + "-web", key.user(), swarm.httpd, "mappingId: web"));
        try (TestController controller = realm.controller()) {
            Map<AppKey, AppStatus> before = awaitRunning(controller, app -> true);

            swarm.killNode(1);
            try {
                await().atMost(SwarmRealm.CONVERGE).until(() -> !controller.status.current().engine().trusted());
                for (AppKey key : KEYS) {
                    assertThat(Http.get(before.get(key).hostUrl().orElseThrow() + "/")).as("%s on its worker", key)
                            .isEqualTo("ok");
                    assertThat(controller.app(key).flatMap(AppStatus::lastActionAt))
                            .isEqualTo(before.get(key).lastActionAt());
                }
            } finally {
                swarm.startNode(1);
            }
            await().atMost(SwarmRealm.CONVERGE).until(() -> controller.status.current().engine().trusted());
            Map<AppKey, AppStatus> after = awaitRunning(controller, app -> true);
            for (AppKey key : KEYS) {
                assertThat(after.get(key).containerId()).isEqualTo(before.get(key).containerId());
                assertThat(after.get(key).lastActionAt()).as("nothing done to %s", key).isEqualTo(before.get(key).lastActionAt());
            }
            swarm.awaitState(1, SwarmNodeState.READY);
        }
    }

    /** Waits until every app runs where {@code where} accepts and answers at its hostUrl; returns their statuses. */
    private static Map<AppKey, AppStatus> awaitRunning(TestController controller, Function<AppStatus, Boolean> where) {
        return await().atMost(SwarmRealm.CONVERGE).ignoreExceptions().until(() -> statuses(controller), all -> all.size() == APPS
                && all.values().stream().allMatch(s -> s.phase() == Phase.Running && where.apply(s)
                        && Http.get(s.hostUrl().orElseThrow() + "/").equals("ok")));
    }

    /** As {@link #awaitRunning}, and each app's CHP route targets its hostUrl and serves it. */
    private Map<AppKey, AppStatus> awaitServedThroughChp(TestController controller, Function<AppStatus, Boolean> where) {
        return await().atMost(SwarmRealm.CONVERGE).ignoreExceptions().until(() -> statuses(controller), all -> all.size() == APPS
                && all.values().stream().allMatch(s -> s.phase() == Phase.Running && where.apply(s)
                        && chp.route(s.urlpath().orElseThrow()).map(ProxyRoute::target).equals(s.hostUrl())
                        && Http.get(chp.proxyUrl + s.urlpath().orElseThrow() + "/").equals("ok")));
    }

    private static Map<AppKey, AppStatus> statuses(TestController controller) {
        Map<AppKey, AppStatus> all = new HashMap<>();
        KEYS.forEach(key -> controller.app(key).ifPresent(s -> all.put(key, s)));
        return all;
    }

    /** The script's number of a node from its hostname ({@code ram-swarm-2} is 2). */
    private static int nodeNumber(String hostname) {
        return Integer.parseInt(hostname.substring(hostname.lastIndexOf('-') + 1));
    }
}
