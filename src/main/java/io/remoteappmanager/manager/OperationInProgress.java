package io.remoteappmanager.manager;

/** A start for the same app, or a stop of the same container, is already running (the seed's double-click guard). */
public class OperationInProgress extends RuntimeException {
    public OperationInProgress(String message) {
        super(message);
    }
}
