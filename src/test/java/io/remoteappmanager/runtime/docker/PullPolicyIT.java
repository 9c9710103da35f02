package io.remoteappmanager.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.remoteappmanager.actuator.Actuator;
import io.remoteappmanager.model.AppSpec;
import io.remoteappmanager.model.AppSpec.PullPolicy;
import io.remoteappmanager.model.SpecOrigin;
import io.remoteappmanager.runtime.ContainerRequest;
import io.remoteappmanager.runtime.LaunchFailedException;
import io.remoteappmanager.testing.LogCapture;
import io.remoteappmanager.testing.TestEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pull policies when a container is launched, against the real engine: absence is learnt from the create call
 * itself. Its methods run one at a time, as they count API calls on one registry.
 */
class PullPolicyIT {

    /** Absent, and its registry is a closed loopback port: a pull fails at once and never leaves the host. */
    static final String ABSENT = "127.0.0.1:1/ram-test/absent:0";

    static SimpleMeterRegistry calls = new SimpleMeterRegistry();
    static TestEngine engine;

    @BeforeAll
    static void setUp() {
        engine = TestEngine.withConfig(Map.of("ram.realm", TestEngine.uniqueRealm("pull")), calls);
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    @Test
    void presentImageUnderIfNotPresentIsCreatedWithOneCallAndNoImageLookup() {
        ContainerRequest request = request("present", TestEngine.HTTPD, PullPolicy.IfNotPresent);
        double imageLookups = count("image");
        double creates = count("create");

        String id = engine.runtime.launch(request).id();

        assertThat(engine.runtime.inspect(id)).map(c -> c.name()).contains(request.name());
        assertThat(count("image")).isEqualTo(imageLookups);
        assertThat(count("create")).isEqualTo(creates + 1);
    }

    @Test
    void absentImageUnderNeverFailsNamingTheImageAndCreatesNothing() {
        ContainerRequest request = request("never", ABSENT, PullPolicy.Never);

        assertThatThrownBy(() -> engine.runtime.launch(request))
                .isInstanceOf(LaunchFailedException.class)
                .hasMessageContaining("image " + ABSENT + " is not present and imagePullPolicy is Never");
        assertThat(engine.runtime.inspect(request.name())).isEmpty();
    }

    @Test
    void absentImageUnderIfNotPresentIsPulledAndAFailedPullNamesTheImageOnce() {
        ContainerRequest request = request("pull", ABSENT, PullPolicy.IfNotPresent);
        double pulls = count("pull");

        try (LogCapture dockerJava = LogCapture.of("com.github.dockerjava")) {
            assertThatThrownBy(() -> engine.runtime.launch(request))
                    .isInstanceOf(LaunchFailedException.class)
                    .hasMessageContaining("pulling image " + ABSENT + " failed")
                    .hasMessageContaining("connection refused");
            assertThat(dockerJava.lines()).as("the failure is told by whoever handles it, not logged by docker-java too")
                    .noneMatch(line -> line.startsWith("SEVERE") || line.startsWith("ERROR"));
        }
        assertThat(count("pull")).isEqualTo(pulls + 1);
        assertThat(engine.runtime.inspect(request.name())).isEmpty();
    }

    private static ContainerRequest request(String user, String image, PullPolicy policy) {
        AppSpec spec = new AppSpec("app", user, image, "app", "/user/" + user, Optional.empty(), OptionalInt.empty(),
                Map.of(), Map.of(), List.of(), AppSpec.Resources.DEFAULTS, AppSpec.RestartPolicy.Always,
                policy, false, new SpecOrigin("test", "app", 0), AppSpec.Readiness.DEFAULTS, Optional.empty(),
                AppSpec.Placement.DEFAULTS, Optional.empty(), Map.of());
        return engine.template.request(spec, Actuator.newUrlId());
    }

    private static double count(String operation) {
        return calls.find("ram.docker.api.calls").tag("operation", operation).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
