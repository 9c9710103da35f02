package io.remoteappmanager.readiness;

import io.remoteappmanager.app.FromConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.Endpoint;
import io.remoteappmanager.testing.TestEngine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spec's readiness settings over ram.readiness.*, and the URL they probe. */
class ReadinessSettingsTest {

    static final ProbeDefaults.Readiness DEFAULTS = FromConfig.probes(TestEngine.config(Map.of())).readiness();

    @Test
    void defaultsProbeTheUrlpathWithATrailingSlash() {
        ReadinessSettings settings = ReadinessSettings.of(DEFAULTS, AppSpec.Readiness.DEFAULTS);

        assertThat(settings.url(new Endpoint("127.0.0.1", 32768), "/user/alice/containers/abc").toString())
                .isEqualTo("http://127.0.0.1:32768/user/alice/containers/abc/");
        assertThat(settings.period()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void specSettingsWinAndAnAbsolutePathIsUsedAsItIs() {
        ReadinessSettings settings = ReadinessSettings.of(DEFAULTS, new AppSpec.Readiness(Optional.of("/health"),
                Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(2))));

        assertThat(settings.url(new Endpoint("127.0.0.1", 1), "/user/a/containers/b").toString()).isEqualTo("http://127.0.0.1:1/health");
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    }
}
