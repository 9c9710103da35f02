package io.remoteappmanager.runtime;

/** Create refused because a container with that name exists: someone else (maybe us) created it. */
public class NameConflictException extends RuntimeFault {
    public NameConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
