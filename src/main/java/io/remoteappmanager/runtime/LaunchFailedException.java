package io.remoteappmanager.runtime;

/**
 * A container could not be brought up; the message says which step failed and why, and the runtime has removed
 * whatever it had created, so nothing is left behind.
 */
public class LaunchFailedException extends RuntimeFault {

    public LaunchFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public LaunchFailedException(String message) {
        super(message);
    }
}
