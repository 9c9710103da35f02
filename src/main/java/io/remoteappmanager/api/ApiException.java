package io.remoteappmanager.api;

/** A request the API refuses, with the HTTP status and the message the client reads in {@code {"error": ...}}. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
