package io.remoteappmanager.runtime.docker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The rule that puts each app's container on one of the configured bridge networks ({@code ram.docker.networks}),
 * none holding more than {@code ram.docker.max-apps-per-network}: pure, so it is tested without an engine and the
 * benchmark's engine-limit anchor places its containers exactly as the controller does.
 *
 * <p>Rendezvous hashing: every network gets a score from the container's name (which the app key determines) and
 * the network's name, and the networks are tried from the highest score down. So the same app always lands on the
 * same network unless that one is full; the order of the list does not matter; and adding a network draws only the
 * share of apps that now rank it first. A container that is replaced keeps its current network while that network is
 * still configured and has room.
 */
public final class NetworkPlacement {

    /** The engine's default bridge: used as it is, never created. */
    public static final String DEFAULT_BRIDGE = "bridge";
    /** A Linux bridge takes at most 1024 ports; one more container fails to start ("exchange full"). */
    public static final int BRIDGE_LIMIT = 1023;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
    /** Network modes that are not bridges apps can be placed on. */
    private static final Set<String> REFUSED = Set.of("host", "none", "default");

    private final List<String> networks;
    private final int maxPerNetwork;

    /**
     * @throws IllegalArgumentException naming the setting, for an empty list, a name that is no bridge network
     *                                  ({@code host}, {@code none}, {@code default}, {@code container:...}), a name
     *                                  listed twice, or a limit outside 1 to {@value #BRIDGE_LIMIT}
     */
    public NetworkPlacement(List<String> networks, int maxPerNetwork) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("ram.docker.networks is empty: name at least one network (bridge is "
                    + "the engine's default bridge)");
        }
        Set<String> seen = new HashSet<>();
        for (String network : networks) {
            if (!NAME.matcher(network).matches() || REFUSED.contains(network)) {
                throw new IllegalArgumentException("ram.docker.networks: '" + network + "' is not a bridge network "
                        + "name (letters, digits, _ . -; not host, none or default; bridge is the default bridge)");
            }
            if (!seen.add(network)) {
                throw new IllegalArgumentException("ram.docker.networks names '" + network + "' twice");
            }
        }
        if (maxPerNetwork < 1 || maxPerNetwork > BRIDGE_LIMIT) {
            throw new IllegalArgumentException("ram.docker.max-apps-per-network is " + maxPerNetwork
                    + ": it must be 1 to " + BRIDGE_LIMIT + " (a bridge holds at most " + BRIDGE_LIMIT + " containers)");
        }
        this.networks = List.copyOf(networks);
        this.maxPerNetwork = maxPerNetwork;
    }

    public List<String> networks() {
        return networks;
    }

    public int maxPerNetwork() {
        return maxPerNetwork;
    }

    /** The networks in the order the rule tries them for the container {@code name}. */
    public List<String> ranking(String name) {
        List<String> ranked = new ArrayList<>(networks);
        ranked.sort(Comparator.comparingLong((String network) -> score(name, network)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return ranked;
    }

    /**
     * Where the container {@code name} goes: its {@code current} network while that is configured and has room, else
     * the first network of its {@link #ranking} with room; empty when every network is full.
     *
     * @param containersOn how many containers a network holds now, of every realm, new ones on their way included
     */
    public Optional<String> choose(String name, Optional<String> current, ToIntFunction<String> containersOn) {
        Optional<String> kept = current.filter(networks::contains)
                .filter(network -> containersOn.applyAsInt(network) < maxPerNetwork);
        if (kept.isPresent()) {
            return kept;
        }
        return ranking(name).stream().filter(network -> containersOn.applyAsInt(network) < maxPerNetwork).findFirst();
    }

    /**
     * The rendezvous score: 64-bit FNV-1a of both names, then SplitMix64's finalizer to spread the bits. Part of the
     * rule: changing it would send new apps elsewhere (running ones never move).
     */
    static long score(String name, String network) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (name + '\n' + network).getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
