package io.remoteappmanager.runtime.dockerapi;

import com.github.dockerjava.api.command.PullImageResultCallback;
import java.io.IOException;

/**
 * A pull's callback that leaves telling a failure to whoever handles it. docker-java's own logs every error of a
 * stream at ERROR with its stack trace before {@code awaitCompletion} rethrows it, so one missing image or refused
 * login was in the log twice, once as a stack trace; this keeps the error for {@code awaitCompletion} to throw and
 * logs nothing.
 */
public final class PullCallback extends PullImageResultCallback {

    private volatile Throwable failure;

    @Override
    public void onError(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        try {
            close();
        } catch (IOException e) {
            // the stream is going away either way
        }
    }

    @Override
    protected void throwFirstError() {
        Throwable error = failure;
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
        super.throwFirstError();
    }
}
