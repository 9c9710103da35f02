package io.remoteappmanager.secrets;

/** A secret cannot be read now: missing, unreadable, or outside the secrets directory. Its message names the file only. */
public final class SecretUnavailableException extends RuntimeException {

    SecretUnavailableException(String message) {
        super(message);
    }
}
