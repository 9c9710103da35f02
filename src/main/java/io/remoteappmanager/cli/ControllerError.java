package io.remoteappmanager.cli;

/**
 * A call to a running controller that did not give an answer to print: the controller cannot be reached, refused the
 * token, knows no such app, or failed. {@link Cli} prints the message and exits 1 ({@link Cli#FINDING}), as the
 * offline commands do for an engine they cannot reach.
 */
final class ControllerError extends RuntimeException {

    ControllerError(String message) {
        super(message);
    }

    ControllerError(String message, Throwable cause) {
        super(message, cause);
    }
}
