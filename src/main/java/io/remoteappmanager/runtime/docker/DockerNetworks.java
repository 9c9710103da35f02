package io.remoteappmanager.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.runtime.RuntimeFault;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The Docker runtime's side of {@link NetworkPlacement}: it creates the configured networks that are missing
 * (labelled with the realm; it never removes one), counts the containers each holds, and places every new container,
 * holding its slot while it is created, so parallel launches never overfill a network.
 *
 * <p>Counts cover every container on the engine, of any realm or none, since the bridge limit is the network's: one
 * listing of all containers (a census), taken before the first placement, again once it is {@link #CENSUS_MAX_AGE}
 * old or every network looks full, and after a failed create; in between, the runtime's own creates and removals keep
 * it current. The census is taken under the lock, so a create or removal that ends meanwhile is applied after it.
 */
final class DockerNetworks {

    /** How old a census may be before a placement takes a new one: other realms' containers are counted this late. */
    static final Duration CENSUS_MAX_AGE = Duration.ofSeconds(30);
    /** A placement that finds every network full takes a new census first, unless the last one is this fresh. */
    private static final Duration RECOUNT_WHEN_FULL = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(DockerNetworks.class);

    /** One engine call under the runtime's deadline and metrics. */
    @FunctionalInterface
    interface EngineCall {
        <T> T call(String operation, Supplier<T> body);
    }

    private final NetworkPlacement placement;
    private final DockerClient docker;
    private final EngineCall engine;
    private final String placementLabel;
    private final Map<String, String> ownership;

    /** Container ids on each configured network, by the last census and the runtime's own changes since. */
    private final Map<String, Set<String>> members = new HashMap<>();
    /** Containers placed on each network whose create has not answered yet. */
    private final Map<String, Integer> pending = new HashMap<>();
    private long censusAt;
    private boolean counted;

    /**
     * @param placementLabel the container label that records its network
     * @param ownership      the labels a network the controller creates carries (its realm)
     */
    DockerNetworks(NetworkPlacement placement, DockerClient docker, EngineCall engine, String placementLabel,
            Map<String, String> ownership) {
        this.placement = placement;
        this.docker = docker;
        this.engine = engine;
        this.placementLabel = placementLabel;
        this.ownership = Map.copyOf(ownership);
    }

    /**
     * The request placed on a network (and labelled so), its slot held until {@link #created} or {@link #notCreated}.
     *
     * @throws LaunchFailedException when every configured network is full
     * @throws RuntimeFault          when the engine cannot be asked or a missing network cannot be created
     */
    synchronized ContainerRequest place(ContainerRequest request) {
        if (!counted || age() > CENSUS_MAX_AGE.toNanos()) {
            census();
        }
        Optional<String> chosen = placement.choose(request.name(), request.network(), this::containersOn);
        if (chosen.isEmpty() && age() > RECOUNT_WHEN_FULL.toNanos()) {
            census();
            chosen = placement.choose(request.name(), request.network(), this::containersOn);
        }
        String network = chosen.orElseThrow(() -> new LaunchFailedException("no room for " + request.name()
                + ": every network of ram.docker.networks holds ram.docker.max-apps-per-network ("
                + placement.maxPerNetwork() + ") containers or more: " + fillLevels()
                + "; add a network to ram.docker.networks"));
        pending.merge(network, 1, Integer::sum);
        return request.placedOn(network, placementLabel);
    }

    /** The placed container exists now, as {@code id}. */
    synchronized void created(ContainerRequest placed, String id) {
        String network = placed.network().orElseThrow();
        release(network);
        members.computeIfAbsent(network, n -> new HashSet<>()).add(id);
    }

    /** The placed container was not created; the next placement counts again (its network may have gone). */
    synchronized void notCreated(ContainerRequest placed) {
        release(placed.network().orElseThrow());
        counted = false;
    }

    /** The container {@code id} is gone from the engine. */
    synchronized void removed(String id) {
        members.values().forEach(ids -> ids.remove(id));
    }

    private void release(String network) {
        pending.computeIfPresent(network, (n, count) -> count > 1 ? count - 1 : null);
    }

    private int containersOn(String network) {
        return members.getOrDefault(network, Set.of()).size() + pending.getOrDefault(network, 0);
    }

    private long age() {
        return System.nanoTime() - censusAt;
    }

    /** Creates the missing networks, then counts every container of the engine on each configured network. */
    private void census() {
        Set<String> existing = engine.call("networks", () -> docker.listNetworksCmd().exec()).stream()
                .map(Network::getName).collect(Collectors.toSet());
        for (String network : placement.networks()) {
            if (!existing.contains(network) && !network.equals(NetworkPlacement.DEFAULT_BRIDGE)) {
                createNetwork(network);
            }
        }
        List<Container> all = engine.call("list all containers", () -> docker.listContainersCmd().withShowAll(true).exec());
        members.clear();
        for (Container container : all) {
            if (container.getNetworkSettings() == null || container.getNetworkSettings().getNetworks() == null) {
                continue;
            }
            for (String network : container.getNetworkSettings().getNetworks().keySet()) {
                if (placement.networks().contains(network)) {
                    members.computeIfAbsent(network, n -> new HashSet<>()).add(container.getId());
                }
            }
        }
        censusAt = System.nanoTime();
        counted = true;
    }

    private void createNetwork(String network) {
        try {
            engine.call("network-create " + network, () -> {
                try (CreateNetworkCmd cmd = docker.createNetworkCmd().withName(network).withDriver("bridge")
                        .withCheckDuplicate(true).withLabels(ownership)) {
                    return cmd.exec();
                }
            });
            LOG.infof("created network %s (labels %s)", network, ownership);
        } catch (RuntimeFault fault) {
            if (!(fault.getCause() instanceof ConflictException)) {
                throw new RuntimeFault("network " + network + " of ram.docker.networks is missing and could not be "
                        + "created: " + fault.getMessage(), fault);
            }
            // another controller created it a moment ago: use it
        }
    }

    private String fillLevels() {
        return placement.networks().stream().map(n -> n + " " + containersOn(n)).collect(Collectors.joining(", "));
    }
}
