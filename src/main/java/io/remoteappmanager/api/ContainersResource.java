package io.remoteappmanager.api;

import io.remoteappmanager.manager.Container;
import io.remoteappmanager.manager.ContainerManager;
import io.remoteappmanager.model.LabelScheme;
import io.remoteappmanager.spec.SpecPatterns.TextRule;
import io.remoteappmanager.spec.SpecPatterns;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The seed's lookups of running containers (by user, mapping id, url id), read from the engine each time. */
@Path("/api/v1/containers")
@Produces(MediaType.APPLICATION_JSON)
public class ContainersResource {

    private final ContainerManager manager;

    public ContainersResource(ContainerManager manager) {
        this.manager = manager;
    }

    /** Running containers of the realm matching every filter given; none given lists them all. */
    @GET
    @APIResponseSchema(value = ContainerView[].class, responseCode = "200", responseDescription = "the containers")
    @APIResponse(responseCode = "400", description = "a filter that is not a valid user, mapping id or url id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public List<ContainerView> find(@QueryParam("user") String user, @QueryParam("mappingId") String mappingId,
            @QueryParam("urlId") String urlId) {
        Optional<String> u = checked("user", user, SpecPatterns.USER);
        Optional<String> m = checked("mappingId", mappingId, SpecPatterns.MAPPING_ID);
        Optional<String> id = checked("urlId", urlId, SpecPatterns.URL_ID);
        List<Container> found;
        if (u.isPresent() && m.isPresent() && id.isEmpty()) {
            found = manager.containersFromMappingId(u.get(), m.get());
        } else if (id.isPresent() && u.isEmpty() && m.isEmpty()) {
            found = manager.containerFromUrlId(id.get()).stream().toList();
        } else {
            Map<String, String> filters = new HashMap<>();
            u.ifPresent(v -> filters.put(LabelScheme.USER, v));
            m.ifPresent(v -> filters.put(LabelScheme.MAPPING_ID, v));
            id.ifPresent(v -> filters.put(LabelScheme.URL_ID, v));
            found = manager.containersFromFilters(filters);
        }
        return found.stream().map(ContainerView::of).toList();
    }

    @GET
    @Path("{urlId}")
    @APIResponseSchema(value = ContainerView.class, responseCode = "200", responseDescription = "the container")
    @APIResponse(responseCode = "400", description = "not a valid url id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no running container with that url id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public ContainerView byUrlId(@PathParam("urlId") String urlId) {
        String id = checked("urlId", urlId, SpecPatterns.URL_ID).orElseThrow();
        return manager.containerFromUrlId(id).map(ContainerView::of)
                .orElseThrow(() -> ApiException.notFound("no running container with url id " + id));
    }

    private static Optional<String> checked(String name, String value, TextRule rule) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!rule.accepts(value)) {
            throw ApiException.badRequest(name + " must be " + rule.expected());
        }
        return Optional.of(value);
    }
}
