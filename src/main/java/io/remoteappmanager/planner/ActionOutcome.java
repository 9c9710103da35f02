package io.remoteappmanager.planner;

import java.util.Optional;

/**
 * How one action ended: done, done by someone else (a second controller won the name), or failed with a message.
 *
 * @param started the container the action started (a create, recreate or restart that succeeded), if any
 */
public record ActionOutcome(Action action, Result result, Optional<String> error, Optional<String> started) {

    /** The three ways an action ends. */
    public enum Result {
        DONE, DONE_ELSEWHERE, FAILED
    }

    public static ActionOutcome done(Action action, Optional<String> started) {
        return new ActionOutcome(action, Result.DONE, Optional.empty(), started);
    }

    public static ActionOutcome doneElsewhere(Action action) {
        return new ActionOutcome(action, Result.DONE_ELSEWHERE, Optional.empty(), Optional.empty());
    }

    public static ActionOutcome failed(Action action, String error) {
        return new ActionOutcome(action, Result.FAILED, Optional.of(error), Optional.empty());
    }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
