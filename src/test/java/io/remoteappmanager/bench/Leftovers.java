package io.remoteappmanager.bench;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.testing.TestEngine;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What runs of the benchmark made on the engine, found by name: containers of realms named {@code tbench*}
 * (every scenario's realm, {@link BenchRealm#PREFIX}), containers and networks of compose projects named after those
 * realms. Removed before each scenario (a run killed earlier leaves them, and they would skew what is measured)
 * and when the benchmark exits, however it exits; or those of one compose project whose {@code down} failed.
 */
final class Leftovers {

    static final String COMPOSE_PROJECT = "com.docker.compose.project";

    private final TestEngine engine = TestEngine.withConfig(Map.of("ram.realm", BenchRealm.PREFIX + "-sweep"));
    private final String realmLabel = engine.labels.key(LabelScheme.REALM);
    private final String prefix;

    /** Everything of realms and projects whose name starts with {@code prefix}. */
    Leftovers(String prefix) {
        this.prefix = prefix;
    }

    /** Everything any run of the benchmark made. */
    static Leftovers ofAnyRun() {
        return new Leftovers(BenchRealm.PREFIX);
    }

    /**
     * Removes them all, saying so when there was anything, and says how many other containers the engine holds (one
     * bridge takes at most 1023, and they load the engine); throws when some are still there past the deadline.
     */
    void remove(String when) {
        List<Container> all = engine.docker.listContainersCmd().withShowAll(true).exec();
        List<Container> found = all.stream().filter(c -> owner(c).startsWith(prefix)).toList();
        long others = all.stream().filter(c -> !owner(c).startsWith(BenchRealm.PREFIX)).count();
        if (others > 0) {
            System.out.println("== note " + when + ": the engine also holds " + others + " containers that are not the benchmark's");
        }
        if (!found.isEmpty()) {
            TreeSet<String> owners = new TreeSet<>();
            found.forEach(c -> owners.add(owner(c)));
            System.out.println("== cleanup " + when + ": removing " + found.size() + " containers of " + owners);
            EngineSweep.removeAll("leftovers of " + owners, engine.runtime,
                    () -> containers().stream().map(Container::getId).toList());
        }
        for (Network network : engine.docker.listNetworksCmd().exec()) {
            if (network.getName().startsWith(prefix)) {
                System.out.println("== cleanup " + when + ": removing network " + network.getName());
                EngineSweep.removeNetwork(engine.docker, network);
            }
        }
    }

    private List<Container> containers() {
        return engine.docker.listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> owner(c).startsWith(prefix))
                .toList();
    }

    /** The realm or compose project a container belongs to, or "" for one that is none of the benchmark's. */
    private String owner(Container container) {
        Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
        return labels.getOrDefault(realmLabel, labels.getOrDefault(COMPOSE_PROJECT, ""));
    }
}
