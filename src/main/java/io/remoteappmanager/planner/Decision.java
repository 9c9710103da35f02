package io.remoteappmanager.planner;

import io.remoteappmanager.model.AppKey;
import io.remoteappmanager.model.ObservedContainer;
import io.remoteappmanager.model.Phase;
import java.util.List;
import java.util.Optional;

/**
 * The planner's verdict on one app key: the phase it is in now, the actions it needs (none, one, or
 * several when duplicates are removed), and a message saying why.
 *
 * @param container the container kept for this key, if any (its id, url id and port feed status)
 * @param version   the version of the app its actions serve, which their failures and back-off count for; empty for
 *                  a key left as it is
 */
public record Decision(AppKey key, Phase phase, List<Action> actions, Optional<ObservedContainer> container,
        String message, Optional<AppVersion> version) {

    public Decision {
        actions = List.copyOf(actions);
    }

    /** The same verdict held back: in {@code phase}, with only {@code allowed} of its actions, saying {@code why}. */
    public Decision holding(Phase phase, List<Action> allowed, String why) {
        return new Decision(key, phase, allowed, container, why, version);
    }
}
