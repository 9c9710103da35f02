package io.remoteappmanager.api;

import io.remoteappmanager.status.StatusBoard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

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
    public AppView byName(@PathParam("name") String name) {
        return status.current().byName(name).map(AppView::of)
                .orElseThrow(() -> ApiException.notFound("no app named '" + name + "' (see GET /api/v1/apps)"));
    }
}
