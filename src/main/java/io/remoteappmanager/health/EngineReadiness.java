package io.remoteappmanager.health;

import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the first pass is done and the engine answered in the last one: only then is status trustworthy. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private final StatusStore status;

    public EngineReadiness(StatusStore status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        PassSummary last = status.lastPass();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("engine-and-first-pass")
                .withData("specProblems", last.problems().size());
        if (last.finishedAt().isEmpty()) {
            return response.down().withData("reason", "the first reconcile pass has not finished yet").build();
        }
        response.withData("lastPassAt", last.finishedAt().get().toString());
        if (last.engineError().isPresent()) {
            return response.down().withData("reason", "Docker engine unreachable in the last pass: "
                    + last.engineError().get()).build();
        }
        return response.up().build();
    }
}
