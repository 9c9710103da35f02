package io.remoteappmanager.api;

import io.remoteappmanager.runtime.RuntimeFault;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Turns every failure of an API call into a JSON error with a status that says whose fault it is:
 * the request's (4xx), the engine's (503), or ours (500, logged with its stack).
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException api) {
            return ApiError.response(api.status(), api.getMessage());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return ApiError.response(status, describe(status, web));
        }
        if (failure instanceof RuntimeFault fault) {
            return ApiError.response(503, "Docker engine unreachable or failing: " + fault.getMessage());
        }
        LOG.error("API request failed", failure);
        return ApiError.response(500, "internal error: " + failure);
    }

    private static String describe(int status, WebApplicationException web) {
        return switch (status) {
            case 404 -> "no such API resource; see /api/v1/apps, /api/v1/containers, /api/v1/plan, /api/v1/status";
            case 405 -> "method not allowed on this resource";
            default -> web.getMessage() == null ? "HTTP " + status : web.getMessage();
        };
    }
}
