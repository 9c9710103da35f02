package io.remoteappmanager.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one back-off policy: kubelet's doubling delay, from the initial delay to the ceiling. */
class BackoffTest {

    @Test
    void delayDoublesFromTheInitialToTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCeilingBelowTheInitialDelayIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
