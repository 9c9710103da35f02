package io.remoteappmanager.api;

import io.remoteappmanager.api.logs.LogsResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Applies {@link ApiAccess} to every API request but the git webhook (which proves itself by its signature) and the
 * wake page (which a request for an idle app reaches through the proxy, with nothing but the request), reading an
 * app's logs as a write (they can hold secrets): a refused one ends in 401 with a JSON error saying why.
 */
@Provider
public class TokenFilter implements ContainerRequestFilter {

    private final ApiAccess access;

    public TokenFilter(ApiAccess access) {
        this.access = access;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isGitHook(request)) {
            return; // proven by the delivery's signature (GitHookResource): a forge cannot send the API token
        }
        if (isWakePage(request)) {
            return; // any request for an idle app wakes it (WakeResource): its users hold no API token
        }
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        // an app's output can hold secrets: reading it needs the token whenever one is set, as a write does
        boolean openRead = read && !path(request).matches(LogsResource.PATH_PATTERN);
        access.refusal(openRead, request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .ifPresent(reason -> request.abortWith(ApiError.response(401, reason)));
    }

    private static boolean isGitHook(ContainerRequestContext request) {
        return path(request).equals(GitHookResource.PATH);
    }

    private static boolean isWakePage(ContainerRequestContext request) {
        String path = path(request);
        return path.equals(WakeResource.PATH) || path.startsWith(WakeResource.PATH + "/");
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceAll("^/+|/+$", "");
    }
}
