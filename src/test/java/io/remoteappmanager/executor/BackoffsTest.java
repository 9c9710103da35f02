package io.remoteappmanager.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.planner.KeyHistory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Per-key back-off: kubelet's doubling delay, kept across a success that does not last. */
class BackoffsTest {

    static final AppKey KEY = new AppKey("alice", "paraview");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final Backoffs backoffs = new Backoffs(Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void delayDoublesFromTheInitialToTheCeiling() {
        assertThat(backoffs.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoffs.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoffs.delay(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoffs.delay(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoffs.delay(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failureSetsTheErrorAndTheRetryTime() {
        Instant retry = backoffs.failed(KEY, "boom", T0);

        assertThat(retry).isEqualTo(T0.plusSeconds(10));
        assertThat(backoffs.history(KEY)).isEqualTo(new KeyHistory(1, java.util.Optional.of(retry), java.util.Optional.of("boom")));
        assertThat(backoffs.history(KEY).waiting(T0.plusSeconds(9))).isTrue();
        assertThat(backoffs.history(KEY).waiting(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aSuccessThatDoesNotLastKeepsTheDelayGrowing() {
        backoffs.failed(KEY, "not ready", T0);
        backoffs.succeeded(KEY);

        assertThat(backoffs.history(KEY).lastError()).isEmpty();
        assertThat(backoffs.failed(KEY, "not ready again", T0.plusSeconds(60))).isEqualTo(T0.plusSeconds(60 + 20));
    }

    @Test
    void aKeyThatRanWellPastTheCeilingStartsOver() {
        backoffs.restarted(KEY, T0);
        backoffs.settled(KEY, T0.plusSeconds(10 + 299));
        assertThat(backoffs.history(KEY).attempts()).isEqualTo(1);

        backoffs.settled(KEY, T0.plusSeconds(10 + 301));

        assertThat(backoffs.history(KEY)).isEqualTo(KeyHistory.FRESH);
    }
}
