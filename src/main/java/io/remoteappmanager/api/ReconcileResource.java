package io.remoteappmanager.api;

import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.reconcile.PassResult;
import io.remoteappmanager.status.StatusBoard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The reconcile loop from outside: what a pass would do, run one now, and how the last one (and its route sync) went. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReconcileResource {

    private final Controller controller;
    private final StatusBoard status;
    private final Duration passTimeout;

    /** @param passTimeout how long a requested pass is waited for ({@code ram.health.max-pass-duration}) */
    public record Settings(Duration passTimeout) {}

    public ReconcileResource(Controller controller, StatusBoard status, Settings settings) {
        this.controller = controller;
        this.status = status;
        this.passTimeout = settings.passTimeout();
    }

    /** What a pass would do now; nothing is changed or recorded. */
    @GET
    @Path("plan")
    public PlanView plan() {
        return PlanView.of(controller.preview());
    }

    /** Runs a pass now (after the current one, if any) and returns what it did, once its actions have ended. */
    @POST
    @Path("reconcile")
    @APIResponseSchema(value = ReconcileView.class, responseCode = "200", responseDescription = "what the pass did")
    @APIResponse(responseCode = "504", description = "the pass did not finish within ram.health.max-pass-duration; it goes on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public ReconcileView reconcile() throws InterruptedException {
        PassResult result;
        try {
            result = controller.requestPass("api").get(passTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ApiException(504, "the pass did not finish within " + passTimeout
                    + " (ram.health.max-pass-duration); it goes on, see GET /api/v1/status");
        } catch (ExecutionException | CancellationException e) {
            throw new ApiException(503, "the reconcile loop is stopping; no pass ran");
        }
        if (result.engineError().isPresent()) {
            throw new ApiException(503, "Docker engine unreachable, nothing done: " + result.engineError().get());
        }
        return ReconcileView.of(result);
    }

    @GET
    @Path("status")
    public StatusView lastPass() {
        return StatusView.of(status.current());
    }
}
