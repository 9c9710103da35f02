package io.remoteappmanager.api;

import io.remoteappmanager.source.SpecSource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/v1/hooks/git}: a push webhook of GitHub, Gitea or GitLab makes the git source fetch at once instead
 * of at its next poll. Authenticated by the delivery's signature against {@code ram.git.webhook-secret}, not by the
 * API token (a forge cannot send one): 401 when unsigned or wrong, 403 when no secret is configured (the hook is
 * off), 404 when the source is not git. Any proven delivery triggers one fetch; the fetch finds whether the ref moved.
 */
@Path(GitHookResource.PATH)
public class GitHookResource {

    /** The path, which {@link TokenFilter} leaves to this resource. */
    static final String PATH = "/api/v1/hooks/git";

    private static final Logger LOG = Logger.getLogger(GitHookResource.class);

    private final SpecSource source;
    private final boolean gitSource;
    private final Optional<byte[]> secret;

    /**
     * The hook's settings.
     *
     * @param gitSource     whether the specs come from git ({@code ram.source=git}); else there is nothing to fetch
     * @param webhookSecret the shared secret ({@code ram.git.webhook-secret}); empty: the hook is off
     */
    public record Settings(boolean gitSource, Optional<String> webhookSecret) {}

    public GitHookResource(SpecSource source, Settings settings) {
        this.source = source;
        this.gitSource = settings.gitSource();
        this.secret = settings.webhookSecret().filter(s -> !s.isEmpty()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to a proven delivery: a fetch was asked for, and the commit in force before it. */
    public record Accepted(String fetch, String revision) {}

    @POST
    @APIResponse(responseCode = "202", description = "a fetch was asked for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "401", description = "the delivery's signature or token is missing or wrong",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "the webhook is off: no ram.git.webhook-secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "the spec source is not git",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(byte[] body, @HeaderParam("X-Hub-Signature-256") String github,
            @HeaderParam("X-Gitea-Signature") String gitea, @HeaderParam("X-Gitlab-Token") String gitlab) {
        if (!gitSource) {
            return ApiError.response(404, "no git source: ram.source is not git, so there is nothing to fetch");
        }
        if (secret.isEmpty()) {
            return ApiError.response(403, "the git webhook is off: set ram.git.webhook-secret (and the same secret in"
                    + " the forge's webhook settings)");
        }
        Optional<String> refusal = WebhookSignature.refusal(secret.get(), body == null ? new byte[0] : body,
                new WebhookSignature.Headers(github, gitea, gitlab));
        if (refusal.isPresent()) {
            LOG.warnf("git webhook refused: %s", refusal.get());
            return ApiError.response(401, refusal.get());
        }
        source.refresh();
        return Response.accepted(new Accepted("requested", source.status().revision().orElse(null))).build();
    }
}
