package io.remoteappmanager.runtime.docker;

import static io.remoteappmanager.testing.TestEngine.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ContainerNames;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.testing.RealmContainers;
import io.remoteappmanager.testing.SpecFiles;
import io.remoteappmanager.testing.TestController;
import io.remoteappmanager.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twelve apps over three networks of at most five containers, on the real engine: two networks exist at the start
 * (one already holding two containers of no realm), the third is created and labelled by the controller; the rule
 * spreads the apps, a full network sends the rest on, a restarted controller moves and recreates nothing, and a
 * recreated app stays on its network even when the rule would now pick another.
 */
class AppNetworksIT {

    static final int LIMIT = 5;
    static final String USER = "net";

    @TempDir
    Path specs;

    final String realm = TestEngine.uniqueRealm("nets");
    final List<String> networks = List.of(realm + "-n1", realm + "-n2", realm + "-n3");
    final NetworkPlacement rule = new NetworkPlacement(networks, LIMIT);
    final List<String> strangers = new ArrayList<>();
    TestEngine engine;

    @AfterEach
    void removeEverything() {
        if (engine == null) {
            return;
        }
        strangers.forEach(id -> engine.docker.removeContainerCmd(id).withForce(true).exec());
        engine.removeContainers();
        for (String network : networks) {
            try {
                engine.docker.removeNetworkCmd(network).exec();
            } catch (NotFoundException gone) {
                // never created
            }
        }
        engine.close();
    }

    @Test
    void twelveAppsSpreadOverThreeNetworksOfFiveAndStayThereAcrossARestart() throws Exception {
        Map<String, String> settings = Map.of("ram.realm", realm, "ram.specs.dir", specs.toString(),
                "ram.docker.networks", String.join(",", networks), "ram.docker.max-apps-per-network", String.valueOf(LIMIT));
        engine = TestEngine.withConfig(settings);
        String n1 = networks.get(0);
        String n2 = networks.get(1);
        String n3 = networks.get(2);
        engine.docker.createNetworkCmd().withName(n1).withDriver("bridge").exec();
        engine.docker.createNetworkCmd().withName(n2).withDriver("bridge").exec();
        for (int i = 0; i < 2; i++) {
            strangers.add(engine.docker.createContainerCmd(HTTPD).withName(realm + "-stranger" + i)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode(n2)).exec().getId());
        }
        // seven apps rank n1 first: it takes five; five rank n2 first: with the two strangers it takes three
        List<AppKey> keys = appsRankingFirst(n1, 7, 0);
        keys.addAll(appsRankingFirst(n2, 5, 1000));
        keys.forEach(this::writeApp);

        Map<AppKey, String> placed;
        try (TestController controller = new TestController(engine).start()) {
            await().atMost(Duration.ofMinutes(3)).until(() -> RealmContainers.converged(engine, keys));
            placed = placements();
            Map<String, Integer> held = held(placed);
            assertThat(held.get(n1)).as("n1 full").isEqualTo(LIMIT);
            assertThat(held.get(n2)).as("n2 full, counting the strangers").isEqualTo(LIMIT);
            assertThat(held).allSatisfy((network, count) -> assertThat(count).as(network).isLessThanOrEqualTo(LIMIT));
            placed.forEach((key, network) -> {
                List<String> before = rule.ranking(name(key)).subList(0, rule.ranking(name(key)).indexOf(network));
                assertThat(before).as("%s is on %s: every network it ranks higher is full", key, network)
                        .allSatisfy(higher -> assertThat(held.get(higher)).isEqualTo(LIMIT));
            });
            assertThat(placed.entrySet().stream().filter(e -> !rule.ranking(name(e.getKey())).get(0).equals(e.getValue())))
                    .as("apps sent on by a full network").hasSizeGreaterThanOrEqualTo(4);
            assertThat(engine.docker.inspectNetworkCmd().withNetworkId(n3).exec().getLabels())
                    .as("the missing network was created as the realm's").containsEntry(engine.labels.key(LabelScheme.REALM), realm);
            assertThat(engine.docker.inspectNetworkCmd().withNetworkId(n1).exec().getLabels())
                    .as("an existing network is used as it is").doesNotContainKey(engine.labels.key(LabelScheme.REALM));
            awaitStatusShows(controller, placed);
        }

        Map<AppKey, String> ids = RealmContainers.ids(engine);
        try (TestEngine again = TestEngine.withConfig(settings); TestController restarted = new TestController(again).start()) {
            await().atMost(Duration.ofMinutes(1)).until(() -> restarted.status.current().engine().trusted()
                    && restarted.loop.lastPassEndedAt().isPresent());
            PassResult pass = restarted.pass("after the restart");
            assertThat(pass.outcomes()).as("nothing recreated or moved").isEmpty();
            assertThat(RealmContainers.ids(engine)).isEqualTo(ids);
            assertThat(placements()).isEqualTo(placed);
            awaitStatusShows(restarted, placed);

            aRecreatedAppKeepsItsNetworkWhenTheRuleWouldPickAnother(placed);
        }
    }

    /** Frees a slot on the first choice of an app that was sent on, then recreates that app: it stays where it was. */
    private void aRecreatedAppKeepsItsNetworkWhenTheRuleWouldPickAnother(Map<AppKey, String> placed) {
        AppKey sentOn = placed.keySet().stream().filter(k -> !rule.ranking(name(k)).get(0).equals(placed.get(k)))
                .findFirst().orElseThrow();
        String firstChoice = rule.ranking(name(sentOn)).get(0);
        AppKey leaving = placed.keySet().stream().filter(k -> placed.get(k).equals(firstChoice)).findFirst().orElseThrow();
        SpecFiles.delete(specs, leaving.mappingId() + ".yaml");
        await().atMost(Duration.ofMinutes(1)).until(() -> !RealmContainers.byKey(engine).containsKey(leaving));
        String oldId = RealmContainers.ids(engine).get(sentOn);

        SpecFiles.write(specs, sentOn.mappingId() + ".yaml", SpecFiles.app(sentOn.mappingId(), USER, HTTPD,
                "environment: {EDITED: \"yes\"}"));

        RuntimeContainer recreated = await().atMost(Duration.ofMinutes(1)).until(() -> running(sentOn),
                c -> c.isPresent() && !c.get().id().equals(oldId)).orElseThrow();
        assertThat(engine.labels.get(recreated.labels(), LabelScheme.NETWORK)).contains(placed.get(sentOn));
        assertThat(joined(recreated.id())).containsExactly(placed.get(sentOn));
        assertThat(held(placements()).getOrDefault(firstChoice, 0)).as("the rule's choice had room").isLessThan(LIMIT);
    }

    /** Each app's network by its label, checked against the network the engine has it on. */
    private Map<AppKey, String> placements() {
        Map<AppKey, String> placed = new HashMap<>();
        RealmContainers.byKey(engine).forEach((key, containers) -> {
            RuntimeContainer c = containers.get(0);
            String network = engine.labels.get(c.labels(), LabelScheme.NETWORK).orElseThrow();
            assertThat(joined(c.id())).as("%s is on the network its label names", key).containsExactly(network);
            placed.put(key, network);
        });
        return placed;
    }

    /** How many containers each network holds: the realm's placed apps, and the strangers on n2. */
    private Map<String, Integer> held(Map<AppKey, String> placed) {
        Map<String, Integer> held = new HashMap<>();
        networks.forEach(n -> held.put(n, 0));
        placed.values().forEach(n -> held.merge(n, 1, Integer::sum));
        held.merge(networks.get(1), strangers.size(), Integer::sum);
        return held;
    }

    private void awaitStatusShows(TestController controller, Map<AppKey, String> placed) {
        await().untilAsserted(() -> placed.forEach((key, network) ->
                assertThat(controller.app(key).flatMap(AppStatus::network)).as("status of %s", key).contains(network)));
    }

    private Set<String> joined(String containerId) {
        return engine.docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getNetworks().keySet();
    }

    private Optional<RuntimeContainer> running(AppKey key) {
        return Optional.ofNullable(RealmContainers.byKey(engine).get(key))
                .flatMap(cs -> cs.stream().filter(RuntimeContainer::isRunning).findFirst());
    }

    /** {@code count} apps that rank {@code network} first, numbered from {@code from} on. */
    private List<AppKey> appsRankingFirst(String network, int count, int from) {
        return IntStream.iterate(from, i -> i + 1).mapToObj(i -> new AppKey(USER, "app-" + i))
                .filter(k -> rule.ranking(name(k)).get(0).equals(network)).limit(count)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private String name(AppKey key) {
        return ContainerNames.of(realm, key);
    }

    private void writeApp(AppKey key) {
        SpecFiles.write(specs, key.mappingId() + ".yaml", SpecFiles.app(key.mappingId(), USER, HTTPD));
    }
}
