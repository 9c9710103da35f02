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
 */
public record Decision(AppKey key, Phase phase, List<Action> actions, Optional<ObservedContainer> container,
        String message) {

    public Decision {
        actions = List.copyOf(actions);
    }
}
