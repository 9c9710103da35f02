package io.remoteappmanager.cli;

/**
 * A call to a running controller that did not give an answer to print: the controller cannot be reached, refused the
 * token, knows no such app, or failed. {@link Cli} prints the message and exits 1 ({@link Cli#FINDING}), as the
 * offline commands do for an engine they cannot reach.
 */
final class ControllerError extends RuntimeException {

    /** The HTTP status the controller answered, or 0 when it gave no HTTP answer. */
    private final int status;

    ControllerError(String message) {
        this(0, message);
    }

    ControllerError(int status, String message) {
        super(message);
        this.status = status;
    }

    ControllerError(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    boolean isNotFound() {
        return status == 404;
    }
}
