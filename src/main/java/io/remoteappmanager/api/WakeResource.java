package io.remoteappmanager.api;

import io.remoteappmanager.model.Phase;
import io.remoteappmanager.model.UrlPaths;
import io.remoteappmanager.reconcile.Controller;
import io.remoteappmanager.reconcile.WakeRequests;
import io.remoteappmanager.status.AppRoute;
import io.remoteappmanager.status.AppStatus;
import io.remoteappmanager.status.StatusBoard;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;

/**
 * The wake page. An idle app's route leads to {@code <ram.cull.controller-url>/wake}, after which CHP appends the
 * request's own path, so any request for an idle app lands here: it asks for the app to be started and gets a small
 * "starting your app…" page that waits until the app answers, then loads the address asked for, as JupyterHub's
 * spawn-pending page does. Waking needs no token: the request is all it takes. The page tells only the state of the
 * app at that address, never anything of another app; it is static, and its script shows the state it polls as text.
 */
@Path(WakeResource.PATH)
public class WakeResource {

    /** Where the wake page is served, below the controller's URL; {@link TokenFilter} leaves it open. */
    public static final String PATH = "/wake";
    /** What the page's script asks for, to hear the app's state as JSON instead of the page. */
    static final String POLL_TYPE = "application/vnd.remoteappmanager.wake+json";
    /** Present on every answer of the wake page, so its script can tell it from the app's own answers. */
    static final String HEADER = "X-Remoteappmanager-Wake";

    private static final String PAGE = page();

    private final StatusBoard status;
    private final WakeRequests wakes;
    private final Controller controller;

    public WakeResource(StatusBoard status, WakeRequests wakes, Controller controller) {
        this.status = status;
        this.wakes = wakes;
        this.controller = controller;
    }

    /** What a request for {@code /<path>} gets: the page, its state as JSON, or (to other clients) a 503 to retry. */
    @GET
    @Path("{path: .*}")
    public Response wake(@PathParam("path") String path, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Optional<AppStatus> app = appAt("/" + path);
        app.filter(a -> a.route() == AppRoute.WAKE_PAGE).ifPresent(idle -> {
            wakes.request(idle.key());
            controller.trigger("wake request for " + idle.key());
        });
        WakeState state = WakeState.of(app);
        String accepted = accept == null ? "" : accept;
        Response.ResponseBuilder answer;
        if (accepted.contains(POLL_TYPE)) {
            answer = Response.ok(state).type(MediaType.APPLICATION_JSON);
        } else if (accepted.isEmpty() || accepted.contains("text/html") || accepted.contains("*/*")) {
            answer = Response.status(app.isEmpty() ? 404 : 200).entity(PAGE)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        } else {
            answer = Response.status(503).header(HttpHeaders.RETRY_AFTER, 2).type(MediaType.TEXT_PLAIN)
                    .entity(state.state() + "\n");
        }
        return answer.header(HEADER, state.state()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * The app whose urlpath is {@code path} (percent-decoded, as the proxy matched it) or a folder above it: the
     * longest such urlpath, compared decoded as the proxy compares them.
     */
    private Optional<AppStatus> appAt(String path) {
        return status.current().all().stream()
                .filter(app -> app.urlpath().map(UrlPaths::decoded)
                        .filter(p -> path.equals(p) || path.startsWith(p + "/")).isPresent())
                .max(Comparator.comparingInt(app -> UrlPaths.decoded(app.urlpath().orElseThrow()).length()));
    }

    private static String page() {
        try (InputStream in = WakeResource.class.getResourceAsStream("/wake/page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the wake page is missing from the jar", e);
        }
    }

    /**
     * What the wake page tells of one app: {@code starting} (idle, or coming up after a request), {@code ready} (the
     * proxy is being pointed back at it), {@code failing} (it does not come up; retried with back-off) or
     * {@code unavailable} (no app there, or one that no request starts: suspended, invalid, ...).
     *
     * @param phase the app's phase, when there is an app at that address
     */
    public record WakeState(String state, String phase) {

        static WakeState of(Optional<AppStatus> app) {
            if (app.isEmpty()) {
                return new WakeState("unavailable", null);
            }
            AppStatus status = app.get();
            String state = switch (status.route()) {
                case APP -> "ready";
                case WAKE_PAGE -> status.phase() == Phase.Failed || status.phase() == Phase.CrashLoopBackOff
                        ? "failing" : "starting";
                case KEEP -> "starting";
                case NONE -> "unavailable";
            };
            return new WakeState(state, status.phase().name());
        }
    }
}
