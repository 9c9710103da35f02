package io.remoteappmanager.observe;

import io.remoteappmanager.runtime.RuntimeEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the starts the engine's events tell of each container after its first, so that a controller sees every
 * restart another one makes, however late its own passes run: a standby's back-off follows the leader's from them.
 * A container whose create was not seen (it ran before the cache began to follow) counts every start it is told of.
 */
final class Restarts {

    /** Containers whose create was seen and whose first start was not yet. */
    private final Set<String> awaitingFirstStart = new HashSet<>();
    private final Map<String, Integer> counts = new HashMap<>();

    void seen(RuntimeEvent event) {
        switch (event.action()) {
            case "create" -> awaitingFirstStart.add(event.id());
            case "start" -> {
                if (!awaitingFirstStart.remove(event.id())) {
                    counts.merge(event.id(), 1, Integer::sum);
                }
            }
            default -> { }
        }
    }

    /** The restarts seen of each container that had one. */
    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    void forget(String id) {
        awaitingFirstStart.remove(id);
        counts.remove(id);
    }

    /** Keeps only the containers a listing still found. */
    void retainOnly(Set<String> ids) {
        awaitingFirstStart.retainAll(ids);
        counts.keySet().retainAll(ids);
    }
}
