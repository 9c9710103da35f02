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
 * since its event stream last connected): only then is the status trustworthy. A standby is ready too (it serves the
 * read API and takes over at once); its {@code role} says {@code standby} and {@code leader} who acts.
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
                .withData("specProblems", now.lastPass().problems().size())
                .withData("role", now.leader().leads() ? "leader" : "standby")
                .withData("leader", now.leader().leader().orElse("unknown"));
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
