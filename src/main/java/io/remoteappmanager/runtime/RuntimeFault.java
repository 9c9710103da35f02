package io.remoteappmanager.runtime;

/** A failed engine operation, with a message that names the operation and the cause. */
public class RuntimeFault extends RuntimeException {
    public RuntimeFault(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeFault(String message) {
        super(message);
    }
}
