package io.remoteappmanager.health;

import io.remoteappmanager.reconcile.Controller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** Live while the reconcile loop's thread runs and no pass has run longer than {@code ram.health.max-pass-duration}. */
@Liveness
@ApplicationScoped
public class LoopLiveness implements HealthCheck {

    private final Controller loop;
    private final Duration maxPass;

    /** @param maxPassDuration a pass running longer than this makes liveness fail */
    public record Settings(Duration maxPassDuration) {}

    public LoopLiveness(Controller loop, Settings settings) {
        this.loop = loop;
        this.maxPass = settings.maxPassDuration();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("reconcile-loop");
        Optional<Duration> age = loop.currentPassAge();
        age.ifPresent(a -> response.withData("currentPassMillis", a.toMillis()));
        loop.lastPassEndedAt().ifPresent(t -> response.withData("lastPassEndedAt", t.toString()));
        if (!loop.isRunning()) {
            return response.down().withData("reason", "the reconcile loop is not running").build();
        }
        if (age.isPresent() && age.get().compareTo(maxPass) > 0) {
            return response.down().withData("reason", "a pass has been running for " + age.get()
                    + ", longer than ram.health.max-pass-duration=" + maxPass).build();
        }
        return response.up().build();
    }
}
