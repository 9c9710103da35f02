package io.remoteappmanager.runtime;

/** The output asked for does not exist (any more): the container is gone, or it has no run before the current one. */
public class LogsNotFoundException extends RuntimeFault {

    public LogsNotFoundException(String message) {
        super(message);
    }
}
