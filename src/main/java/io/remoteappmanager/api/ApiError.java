package io.remoteappmanager.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every API error, {@code {"error": "..."}}, so clients need one way to read failures. */
public record ApiError(String error) {

    static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message)).build();
    }
}
