package io.remoteappmanager.manager;

/**
 * A lookup that promises one container found several, as the seed's {@code find_container} reported: the caller's
 * filters do not pick out one app, and answering with any of them would act on a guess.
 */
public class MultipleResultsFound extends RuntimeException {

    public MultipleResultsFound(String message) {
        super(message);
    }
}
