package io.remoteappmanager.api;

import io.remoteappmanager.planner.Action;
import io.remoteappmanager.planner.ActionOutcome;
import java.util.Locale;

/**
 * One action, planned or done: its kind, key and reason; {@code outcome} and {@code error} are set once it ran.
 */
public record ActionView(String kind, String key, String containerId, String reason, String outcome, String error) {

    static ActionView planned(Action a) {
        return new ActionView(kind(a), a.key().toString(), a.containerId().orElse(null), a.reason(), null, null);
    }

    static ActionView done(ActionOutcome o) {
        Action a = o.action();
        return new ActionView(kind(a), a.key().toString(), a.containerId().orElse(null), a.reason(),
                o.result().name().toLowerCase(Locale.ROOT), o.error().orElse(null));
    }

    private static String kind(Action a) {
        return a.verb();
    }
}
