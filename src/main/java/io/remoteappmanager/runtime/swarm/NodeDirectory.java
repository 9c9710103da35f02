package io.remoteappmanager.runtime.swarm;

import com.github.dockerjava.api.model.SwarmNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The swarm's nodes by id, as tasks name them: listed once, and again only when a task names a node not known yet or
 * a node event says one changed, so a relist costs one service list and one task list.
 */
final class NodeDirectory {

    private final Supplier<List<SwarmNode>> list;
    private volatile Map<String, NodeInfo> nodes = Map.of();

    /** @param list lists the swarm's nodes (an engine call) */
    NodeDirectory(Supplier<List<SwarmNode>> list) {
        this.list = list;
    }

    Optional<NodeInfo> get(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Lists the nodes when any of {@code ids} is not known yet. */
    void know(Collection<String> ids) {
        Map<String, NodeInfo> known = nodes;
        if (ids.stream().anyMatch(id -> id != null && !id.isBlank() && !known.containsKey(id))) {
            refresh();
        }
    }

    /** Forgets a node that changed (its address may have): the next read that needs it lists the nodes again. */
    void forget(String id) {
        Map<String, NodeInfo> fewer = new HashMap<>(nodes);
        fewer.remove(id);
        nodes = Map.copyOf(fewer);
    }

    private void refresh() {
        Map<String, NodeInfo> listed = new HashMap<>();
        for (SwarmNode node : list.get()) {
            if (node.getId() != null && node.getStatus() != null) {
                listed.put(node.getId(), new NodeInfo(address(node), node.getDescription() == null
                        || node.getDescription().getHostname() == null ? node.getId() : node.getDescription().getHostname()));
            }
        }
        nodes = Map.copyOf(listed);
    }

    /**
     * The address the node publishes ports on. A manager may report 0.0.0.0 as its own address (it was not told one
     * to advertise); its manager address (host:2377) names it then.
     */
    private static String address(SwarmNode node) {
        String address = node.getStatus().getAddress();
        if ((address == null || address.equals("0.0.0.0")) && node.getManagerStatus() != null
                && node.getManagerStatus().getAddr() != null) {
            String manager = node.getManagerStatus().getAddr();
            return manager.substring(0, manager.lastIndexOf(':') > 0 ? manager.lastIndexOf(':') : manager.length())
                    .replace("[", "").replace("]", "");
        }
        return address == null ? "" : address;
    }
}
