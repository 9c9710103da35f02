package io.remoteappmanager.manager;

/** A container could not be brought up; the message says which step failed and why, and nothing is left behind. */
public class StartFailedException extends RuntimeException {
    public StartFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartFailedException(String message) {
        super(message);
    }
}
