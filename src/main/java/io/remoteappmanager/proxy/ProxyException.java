package io.remoteappmanager.proxy;

/** A call to CHP's REST API failed; the message names the call and the cause (unreachable, refused, bad answer). */
public class ProxyException extends RuntimeException {

    public ProxyException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProxyException(String message) {
        super(message);
    }
}
