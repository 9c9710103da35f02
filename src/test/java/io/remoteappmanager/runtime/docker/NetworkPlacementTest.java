package io.remoteappmanager.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The placement rule alone: stable, spread, next-with-room, the current network first, and its config checks. */
class NetworkPlacementTest {

    static final List<String> THREE = List.of("apps-a", "apps-b", "apps-c");

    @Test
    void theSameAppAlwaysGetsTheSameNetworkWhateverTheOrderOfTheList() {
        NetworkPlacement placement = new NetworkPlacement(THREE, 1000);
        NetworkPlacement reordered = new NetworkPlacement(List.of("apps-c", "apps-a", "apps-b"), 1000);

        for (int i = 0; i < 200; i++) {
            String name = "realm-u" + i + "-app";
            Optional<String> chosen = placement.choose(name, Optional.empty(), n -> 0);
            assertThat(placement.choose(name, Optional.empty(), n -> 0)).isEqualTo(chosen);
            assertThat(reordered.choose(name, Optional.empty(), n -> 0)).isEqualTo(chosen);
            assertThat(reordered.ranking(name)).isEqualTo(placement.ranking(name));
        }
    }

    @Test
    void appsSpreadEvenlyOverTheNetworks() {
        NetworkPlacement placement = new NetworkPlacement(THREE, 1000);
        Map<String, Integer> first = new HashMap<>();
        IntStream.range(0, 3000).forEach(i -> first.merge(placement.ranking("remoteexec-u" + i + "-paraview").get(0), 1, Integer::sum));

        assertThat(first).containsOnlyKeys(THREE);
        assertThat(first.values()).allSatisfy(count -> assertThat(count).isBetween(880, 1120));
    }

    @Test
    void anAddedNetworkDrawsOnlyTheAppsThatNowRankItFirst() {
        NetworkPlacement two = new NetworkPlacement(List.of("apps-a", "apps-b"), 1000);
        NetworkPlacement three = new NetworkPlacement(THREE, 1000);
        int moved = 0;
        for (int i = 0; i < 3000; i++) {
            String name = "remoteexec-u" + i + "-paraview";
            String before = two.ranking(name).get(0);
            String after = three.ranking(name).get(0);
            if (!before.equals(after)) {
                assertThat(after).isEqualTo("apps-c");
                moved++;
            }
        }
        assertThat(moved).isBetween(880, 1120);
    }

    @Test
    void aFullNetworkSendsTheAppToTheNextOneWithRoom() {
        NetworkPlacement placement = new NetworkPlacement(THREE, 5);
        String name = "realm-alice-paraview";
        List<String> ranking = placement.ranking(name);

        assertThat(placement.choose(name, Optional.empty(), n -> n.equals(ranking.get(0)) ? 5 : 0)).contains(ranking.get(1));
        assertThat(placement.choose(name, Optional.empty(), n -> n.equals(ranking.get(2)) ? 0 : 7)).contains(ranking.get(2));
        assertThat(placement.choose(name, Optional.empty(), n -> 5)).isEmpty();
    }

    @Test
    void theCurrentNetworkWinsWhileItIsConfiguredAndHasRoom() {
        NetworkPlacement placement = new NetworkPlacement(THREE, 5);
        String name = "realm-alice-paraview";
        String last = placement.ranking(name).get(2);

        assertThat(placement.choose(name, Optional.of(last), n -> 4)).contains(last);
        assertThat(placement.choose(name, Optional.of(last), n -> n.equals(last) ? 5 : 0))
                .contains(placement.ranking(name).get(0));
        assertThat(placement.choose(name, Optional.of("bridge"), n -> 0)).contains(placement.ranking(name).get(0));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new NetworkPlacement(List.of(), 5)).hasMessageContaining("ram.docker.networks is empty");
        assertThatThrownBy(() -> new NetworkPlacement(List.of("host"), 5)).hasMessageContaining("'host' is not a bridge network");
        assertThatThrownBy(() -> new NetworkPlacement(List.of("container:x"), 5)).hasMessageContaining("'container:x'");
        assertThatThrownBy(() -> new NetworkPlacement(List.of("a", "b", "a"), 5)).hasMessageContaining("names 'a' twice");
        assertThatThrownBy(() -> new NetworkPlacement(THREE, 0)).hasMessageContaining("ram.docker.max-apps-per-network is 0");
        assertThatThrownBy(() -> new NetworkPlacement(THREE, 1024)).hasMessageContaining("1 to 1023");
        assertThat(new NetworkPlacement(List.of(NetworkPlacement.DEFAULT_BRIDGE), 1023).networks()).containsExactly("bridge");
    }
}
