package io.remoteappmanager.api;

import io.remoteappmanager.status.StatusBoard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Every app the controller knows, with its phase and what was last done to it and why. */
@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppsResource {

    private final StatusBoard status;

    public AppsResource(StatusBoard status) {
        this.status = status;
    }

    @GET
    public List<AppView> all() {
        return status.current().all().stream().map(AppView::of).toList();
    }

    /** One app by its spec's {@code metadata.name}. */
    @GET
    @Path("{name}")
    @APIResponseSchema(value = AppView.class, responseCode = "200", responseDescription = "the app")
    @APIResponse(responseCode = "404", description = "no app of that name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public AppView byName(@PathParam("name") String name) {
        return status.current().byName(name).map(AppView::of)
                .orElseThrow(() -> ApiException.notFound("no app named '" + name + "' (see GET /api/v1/apps)"));
    }
}
