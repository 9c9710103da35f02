package io.remoteappmanager.manager;

/**
 * The seed API was asked to start or stop an app that a spec file owns: files are the source of truth for their apps,
 * so the change belongs there, not in a request the next pass would undo.
 */
public class SpecOwnedException extends RuntimeException {

    public SpecOwnedException(String message) {
        super(message);
    }
}
