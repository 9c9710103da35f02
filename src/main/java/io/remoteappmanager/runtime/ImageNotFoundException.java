package io.remoteappmanager.runtime;

/** The image a container needs is neither local nor (when a pull was tried) in its registry. */
public class ImageNotFoundException extends RuntimeFault {
    public ImageNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
