package io.remoteappmanager.runtime;

/** The engine could not be reached at all: callers must not read this as "no containers". */
public class EngineUnavailableException extends RuntimeFault {
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
