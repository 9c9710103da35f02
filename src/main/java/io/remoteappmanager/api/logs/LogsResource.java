package io.remoteappmanager.api.logs;

import io.remoteappmanager.api.ApiError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/apps/{name}/logs}: what an app's container wrote, as {@code kubectl logs} shows it: text by default,
 * or Server-Sent Events named {@code stdout} and {@code stderr} for {@code Accept: text/event-stream}. Logs can hold
 * secrets, so when {@code ram.api.token} is set this read always needs it (the token filter matches
 * {@link #PATH_PATTERN}).
 */
@Path("/api/v1/apps/{name}/logs")
public class LogsResource {

    /** The paths this resource serves. */
    public static final String PATH_PATTERN = "/api/v1/apps/[^/]+/logs";

    private final AppLogs logs;

    public LogsResource(AppLogs logs) {
        this.logs = logs;
    }

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.SERVER_SENT_EVENTS})
    @Operation(summary = "An app's container output",
            description = "text/plain: each line as written, stdout and stderr interleaved. text/event-stream: one event"
                    + " per line, named stdout or stderr, the line its data. Needs the API token whenever one is set,"
                    + " even when ram.api.token-for-reads=false.")
    @APIResponse(responseCode = "200", description = "the output, streamed", content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "tail or since malformed, or tail above ram.logs.max-tail",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such app, it has no container, or it has no previous run",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "ram.logs.max-followers streams already follow",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response logs(@PathParam("name") String name,
            @Parameter(description = "the last lines (at most ram.logs.max-tail, also the default)")
            @QueryParam("tail") Integer tail,
            @Parameter(description = "only lines since: an instant (2026-12-05T10:00:00Z) or a duration ago (10m, PT1H)")
            @QueryParam("since") String since,
            @Parameter(description = "keep streaming new lines until the client closes or none came for"
                    + " ram.logs.follow-idle-timeout") @QueryParam("follow") boolean follow,
            @Parameter(description = "the run before the last restart, while the engine keeps it")
            @QueryParam("previous") boolean previous,
            @Context HttpHeaders headers) {
        AppLogs.Settings limits = logs.settings();
        var query = LogQueries.of(tail, since, follow, previous, limits.maxTail(), Instant.now());
        LogFormat format = events(headers) ? LogFormat.EVENTS : LogFormat.PLAIN;
        AppLogs.OpenLogs open = logs.open(name, query);
        return Response.ok(new LogOutput(name, open, format, limits.followIdleTimeout()))
                .type(format == LogFormat.EVENTS ? MediaType.SERVER_SENT_EVENTS : MediaType.TEXT_PLAIN + ";charset=UTF-8")
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** Whether the client prefers events to text; a wildcard means text. */
    private static boolean events(HttpHeaders headers) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
