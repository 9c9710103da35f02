package io.remoteappmanager.health;

import io.remoteappmanager.status.StatusBoard;
import io.remoteappmanager.status.StatusSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the first pass is done and the observed state can be trusted (the engine answers and has been listed
 * since its event stream last connected): only then is the status trustworthy.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private final StatusBoard status;

    public EngineReadiness(StatusBoard status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        StatusSnapshot now = status.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("engine-and-first-pass")
                .withData("specProblems", now.lastPass().problems().size());
        if (!now.firstPassDone()) {
            return response.down().withData("reason", "the first reconcile pass has not finished yet").build();
        }
        response.withData("lastPassAt", now.lastPass().finishedAt().orElseThrow().toString());
        if (!now.engine().trusted()) {
            return response.down().withData("reason", "Docker engine not trusted since " + now.engine().since() + ": "
                    + now.engine().error().orElse("not listed yet")).build();
        }
        return response.up().build();
    }
}
