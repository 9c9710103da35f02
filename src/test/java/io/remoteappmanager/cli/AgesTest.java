package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ages print as kubectl prints them: more precision for young things, less for old ones. */
class AgesTest {

    @ParameterizedTest
    @CsvSource({"0, 0s", "119, 119s", "120, 2m", "200, 3m20s", "600, 10m", "10799, 179m", "10800, 3h", "11100, 3h5m",
            "28800, 8h", "172799, 47h", "172800, 2d", "180000, 2d2h", "691200, 8d", "8640000, 100d"})
    void printsAsKubectlDoes(long seconds, String printed) {
        assertThat(Ages.of(Duration.ofSeconds(seconds))).isEqualTo(printed);
    }

    @Test
    void aClockAheadOfTheControllersPrintsZeroAndAnUnknownTimeSaysSo() {
        Instant now = Instant.now();

        assertThat(Ages.since(now.plusSeconds(5), now)).isEqualTo("0s");
        assertThat(Ages.since(null, now)).isEqualTo("<unknown>");
    }
}
