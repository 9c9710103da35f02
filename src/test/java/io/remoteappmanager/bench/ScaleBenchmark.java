package io.remoteappmanager.bench;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.runtime.RuntimeContainer;
import io.remoteappmanager.runtime.docker.NetworkPlacement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario scale-N: more apps than one bridge holds (N = 1,200 in the full run; a bridge takes 1,023), dropped at
 * once into a running controller's empty directory and converged over the realm's networks ({@code
 * ram.docker.networks}, at most {@code ram.docker.max-apps-per-network} = M each, as many networks as N / M needs);
 * beside it the engine's own limit creating and starting the same N containers on the same networks, each placed by
 * the controller's rule ({@link NetworkPlacement}). The networks are made before both runs and removed with the realm.
 */
final class ScaleBenchmark {

    private final Results results;
    private final String perNetworkOption;

    /** @param perNetwork M, or {@code auto} for {@link #perNetwork(int)} */
    ScaleBenchmark(Results results, String perNetwork) {
        this.results = results;
        this.perNetworkOption = perNetwork;
    }

    /**
     * The default M: the controller's default of 1,000 at N = 1,200, and 5/6 of N for smaller N, so that at any size
     * the apps need two networks.
     */
    static int perNetwork(int n) {
        return Math.min(1000, (5 * n + 5) / 6);
    }

    void run(int n) {
        String scenario = "scale-" + n;
        int perNetwork = perNetworkOption.equals("auto") ? perNetwork(n) : Integer.parseInt(perNetworkOption);
        int count = (n + perNetwork - 1) / perNetwork;
        try (BenchRealm realm = BenchRealm.onNetworks("scale", count, perNetwork)) {
            for (int i = 0; i < n; i++) {
                realm.writeApp(i);
            }
            Map<AppKey, String> expected = realm.expected();
            double engine = realm.limit().createStartAll(realm.placedRequests());
            results.add(scenario, "engine limit: create+start N on the networks", engine, "ms", "",
                    count + " networks of at most " + perNetwork + "; one bridge holds " + NetworkPlacement.BRIDGE_LIMIT);
            realm.removeContainers();

            double controller = ColdConvergeBenchmark.controllerConverge(realm, expected);
            results.add(scenario, "controller: N files dropped -> all running", controller, "ms");
            results.add(scenario, "controller / engine limit", controller / engine, "x");
            results.add(scenario, "controller Docker API calls per container", realm.apiCalls() / n, "calls");
            Map<String, Integer> held = held(realm);
            held.forEach((network, apps) -> results.add(scenario, "apps on " + network.replace(realm.realm() + "-", ""),
                    apps, "apps", "<= " + perNetwork, apps <= perNetwork ? "met" : "MISSED"));
            if (held.values().stream().mapToInt(Integer::intValue).sum() != n) {
                throw new IllegalStateException(scenario + ": the apps' network labels add up to " + held + ", not " + n);
            }
        }
    }

    /** How many of the realm's containers each network label names. */
    private static Map<String, Integer> held(BenchRealm realm) {
        Map<String, Integer> held = new TreeMap<>();
        for (RuntimeContainer c : realm.observer.runtime.list(realm.observer.labels.realmFilter())) {
            held.merge(realm.observer.labels.get(c.labels(), LabelScheme.NETWORK).orElse("(none)"), 1, Integer::sum);
        }
        return held;
    }
}
