package io.remoteappmanager.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sim scenario's pace option: read as the benchmark's usage says, and the engine's limit it gives. */
class SimPaceTest {

    @Test
    void readsTheTimePerCallAndTheCallsAtOnce() {
        assertThat(SimPace.parse("5ms,8")).isEqualTo(new SimPace(Duration.ofMillis(5), 8));
        assertThat(SimPace.parse(" 500us , 16 ")).isEqualTo(new SimPace(Duration.ofNanos(500_000), 16));
        assertThat(SimPace.parse("1s,1")).isEqualTo(new SimPace(Duration.ofSeconds(1), 1));
    }

    @Test
    void theLimitIsCallsTimesTheTimePerCallOverTheCallsAtOnce() {
        assertThat(SimPace.parse("5ms,8").limitMillis(30_000)).isEqualTo(18_750.0);
    }

    @Test
    void badInputNamesTheOptionAndTheFormItTakes() {
        assertThatThrownBy(() -> SimPace.parse("5,8")).hasMessageContaining("--sim-pace")
                .hasMessageContaining("5ms,8").hasMessageContaining("'5,8'");
        assertThatThrownBy(() -> SimPace.parse("0ms,8")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> SimPace.parse("5ms,0")).hasMessageContaining("at least one");
    }
}
