package io.remoteappmanager.source.git;

/**
 * A fetch or read of the git source failed; the message says why, already cleaned of credentials, and no cause is
 * kept (a library's exception may repeat a URL with its password).
 */
public final class GitSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GitSourceException(String cleanedMessage) {
        super(cleanedMessage, null, false, false);
    }
}
