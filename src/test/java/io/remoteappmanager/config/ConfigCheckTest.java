package io.remoteappmanager.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong value stops the start with an error naming its key and what it must be; the defaults pass. */
class ConfigCheckTest {

    @Test
    void theDefaultsPass() {
        RamConfig config = StandaloneConfig.load(Map.of());
        assertThat(ConfigCheck.validate(config)).isSameAs(config);
    }

    @Test
    void aBoundBelowOneIsRefusedWithTheKeyName() {
        assertThatThrownBy(() -> check(Map.of("ram.readiness.max-concurrent", "0")))
                .hasMessage("ram.readiness.max-concurrent: must be at least 1, got 0");
    }

    @Test
    void everyWrongValueIsNamedAtOnce() {
        assertThatThrownBy(() -> check(Map.of("ram.liveness.failure-threshold", "0", "ram.notify.queue-size", "-1",
                "ram.notify.rate-period", "0s", "ram.git.interval", "-1s", "ram.images.check-interval", "0s")))
                .hasMessageContaining("ram.liveness.failure-threshold: must be at least 1, got 0")
                .hasMessageContaining("ram.notify.queue-size: must be at least 1, got -1")
                .hasMessageContaining("ram.notify.rate-period: must be positive, got PT0S")
                .hasMessageContaining("ram.git.interval: must be positive, got PT-1S")
                .hasMessageContaining("ram.images.check-interval: must be positive, got PT0S");
    }

    @Test
    void theLogLimitsMustLetSomethingThrough() {
        assertThatThrownBy(() -> check(Map.of("ram.logs.max-tail", "0", "ram.logs.max-followers", "0",
                "ram.logs.follow-idle-timeout", "0s")))
                .hasMessageContaining("ram.logs.max-tail: must be at least 1, got 0")
                .hasMessageContaining("ram.logs.max-followers: must be at least 1, got 0")
                .hasMessageContaining("ram.logs.follow-idle-timeout: must be positive, got PT0S");
    }

    @Test
    void aDefaultPreferenceThatIsNoSpreadIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> check(Map.of("ram.swarm.placement.preferences", "node.labels.zone")))
                .hasMessageContaining("ram.swarm.placement.preferences").hasMessageContaining("spread=");
        assertThat(ConfigCheck.spreads(check(Map.of("ram.swarm.placement.preferences", "spread=node.labels.zone"))
                .swarm().placement().preferences())).containsExactly("node.labels.zone");
    }

    private static RamConfig check(Map<String, String> settings) {
        return ConfigCheck.validate(StandaloneConfig.load(Map.of(), settings));
    }
}
