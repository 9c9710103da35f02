package io.remoteappmanager.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.KeyHistory;
import io.remoteappmanager.time.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-key back-off memory: the delay grows across a success that does not last; own containers are remembered. */
class KeyHistoriesTest {

    static final AppKey KEY = new AppKey("alice", "paraview");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final KeyHistories histories = new KeyHistories(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)));

    @Test
    void failureSetsTheErrorAndTheRetryTime() {
        Instant retry = histories.failed(KEY, "boom", T0);

        assertThat(retry).isEqualTo(T0.plusSeconds(10));
        assertThat(histories.history(KEY)).isEqualTo(new KeyHistory(1, Optional.of(retry), Optional.of("boom"),
                Optional.empty()));
        assertThat(histories.history(KEY).waiting(T0.plusSeconds(9))).isTrue();
        assertThat(histories.history(KEY).waiting(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aSuccessThatDoesNotLastKeepsTheDelayGrowing() {
        histories.failed(KEY, "not ready", T0);
        histories.succeeded(KEY, Optional.of("c1"));

        assertThat(histories.history(KEY).lastError()).isEmpty();
        assertThat(histories.history(KEY).started("c1")).isTrue();
        assertThat(histories.failed(KEY, "not ready again", T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(60 + 20));
    }

    @Test
    void aKeyThatRanWellPastTheCeilingStartsOverButRemembersItsContainer() {
        histories.restarted(KEY, "c1", T0);
        histories.settled(KEY, T0.plusSeconds(10 + 299));
        assertThat(histories.history(KEY).attempts()).isEqualTo(1);

        histories.settled(KEY, T0.plusSeconds(10 + 301));

        assertThat(histories.history(KEY)).isEqualTo(new KeyHistory(0, Optional.empty(), Optional.empty(),
                Optional.of("c1")));
    }

    @Test
    void anAdoptedContainerIsNotOneThisControllerStarted() {
        histories.succeeded(KEY, Optional.empty());

        assertThat(histories.history(KEY).started("adopted")).isFalse();
    }
}
