package io.remoteappmanager.executor;

import io.remoteappmanager.planner.Action;
import java.util.Optional;

/** How one action ended: done, done by someone else (a second controller won the name), or failed with a message. */
public record ActionOutcome(Action action, Result result, Optional<String> error) {

    /** The three ways an action ends. */
    public enum Result {
        DONE, DONE_ELSEWHERE, FAILED
    }

    static ActionOutcome done(Action action) {
        return new ActionOutcome(action, Result.DONE, Optional.empty());
    }

    static ActionOutcome doneElsewhere(Action action) {
        return new ActionOutcome(action, Result.DONE_ELSEWHERE, Optional.empty());
    }

    static ActionOutcome failed(Action action, String error) {
        return new ActionOutcome(action, Result.FAILED, Optional.of(error));
    }
}
