package io.remoteappmanager.manager;

/** Refusal to touch a container of another realm (or no realm): the controller only manages its own. */
public class ForeignContainerException extends RuntimeException {
    public ForeignContainerException(String message) {
        super(message);
    }
}
