package io.remoteappmanager.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.AppVersion;
import io.remoteappmanager.planner.KeyHistory;
import io.remoteappmanager.time.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Per-key back-off memory: the delay grows across a success that does not last; own containers are remembered; a new
 * spec or image starts its own count at zero.
 */
class KeyHistoriesTest {

    static final AppKey KEY = new AppKey("alice", "paraview");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Optional<AppVersion> V1 = Optional.of(new AppVersion("hash-1", Optional.of("sha256:aaa")));
    static final Optional<AppVersion> V2 = Optional.of(new AppVersion("hash-2", Optional.empty()));

    final KeyHistories histories = new KeyHistories(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)));

    @Test
    void failureSetsTheErrorAndTheRetryTime() {
        Instant retry = histories.failed(KEY, V1, "boom", T0);

        assertThat(retry).isEqualTo(T0.plusSeconds(10));
        assertThat(histories.history(KEY)).isEqualTo(new KeyHistory(1, Optional.of(retry), Optional.of("boom"),
                Optional.empty(), V1));
        assertThat(histories.history(KEY).waiting(T0.plusSeconds(9))).isTrue();
        assertThat(histories.history(KEY).waiting(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aSuccessThatDoesNotLastKeepsTheDelayGrowing() {
        histories.failed(KEY, V1, "not ready", T0);
        histories.succeeded(KEY, V1, Optional.of("c1"));

        assertThat(histories.history(KEY).lastError()).isEmpty();
        assertThat(histories.history(KEY).started("c1")).isTrue();
        assertThat(histories.failed(KEY, V1, "not ready again", T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(60 + 20));
    }

    @Test
    void aKeyThatRanWellPastTheCeilingStartsOverButRemembersItsContainer() {
        histories.restarted(KEY, V1, "c1", T0);
        histories.settled(KEY, T0.plusSeconds(10 + 299));
        assertThat(histories.history(KEY).attempts()).isEqualTo(1);

        histories.settled(KEY, T0.plusSeconds(10 + 301));

        assertThat(histories.history(KEY)).isEqualTo(new KeyHistory(0, Optional.empty(), Optional.empty(),
                Optional.of("c1"), V1));
    }

    @Test
    void anAdoptedContainerIsNotOneThisControllerStarted() {
        histories.succeeded(KEY, V1, Optional.empty());

        assertThat(histories.history(KEY).started("adopted")).isFalse();
    }

    @Test
    void aNewSpecStartsItsBackOffAtZeroAndTheOldSpecsCountDoesNotLeakIntoIt() {
        for (int i = 0; i < 5; i++) {
            histories.restarted(KEY, V1, "c1", T0.plusSeconds(i));
        }
        assertThat(histories.history(KEY).attempts()).isEqualTo(5);

        histories.succeeded(KEY, V2, Optional.of("c2"));
        assertThat(histories.history(KEY)).as("the recreate for the new spec owes nothing to the old one")
                .isEqualTo(new KeyHistory(0, Optional.empty(), Optional.empty(), Optional.of("c2"), V2));

        Optional<AppVersion> running = Optional.of(new AppVersion("hash-2", Optional.of("sha256:aaa")));
        histories.restarted(KEY, running, "c2", T0.plusSeconds(20));
        assertThat(histories.history(KEY).attempts()).as("its first crash is its first restart").isEqualTo(1);
        assertThat(histories.history(KEY).notBefore()).as("the initial back-off").contains(T0.plusSeconds(20 + 10));
    }

    @Test
    void anImageUpdateStartsItsBackOffAtZeroButKeepsTheContainerThisControllerStarted() {
        histories.restarted(KEY, V1, "c1", T0);
        histories.restarted(KEY, V1, "c1", T0.plusSeconds(10));
        histories.succeeded(KEY, V1, Optional.of("c2"));

        Optional<AppVersion> updated = Optional.of(new AppVersion("hash-1", Optional.of("sha256:bbb")));
        histories.restarted(KEY, updated, "c2", T0.plusSeconds(30));

        assertThat(histories.history(KEY)).isEqualTo(new KeyHistory(1, Optional.of(T0.plusSeconds(30 + 10)),
                Optional.empty(), Optional.of("c2"), updated));
    }

    @Test
    void aFailedCreateOfANewSpecDoesNotInheritTheOldSpecsDelay() {
        histories.failed(KEY, V1, "boom", T0);
        histories.failed(KEY, V1, "boom", T0.plusSeconds(10));
        histories.failed(KEY, V1, "boom", T0.plusSeconds(30));

        assertThat(histories.failed(KEY, V2, "still broken", T0.plusSeconds(31))).isEqualTo(T0.plusSeconds(31 + 10));
    }
}
