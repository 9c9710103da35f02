package io.remoteappmanager.runtime;

import java.time.Duration;

/** An engine call that did not finish within its deadline: the engine accepted the connection but did not answer. */
public class EngineTimeoutException extends EngineUnavailableException {

    public EngineTimeoutException(String operation, Duration deadline, String setting) {
        super(operation + " did not answer within " + deadline.toMillis() + " ms (" + setting + ")", null);
    }
}
