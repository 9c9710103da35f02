package io.remoteappmanager.status;

import io.remoteappmanager.model.Phase;
import java.time.Instant;
import java.util.Optional;

/**
 * One change of an app's phase, kept so that an operator can see how it got where it is, as {@code kubectl describe}
 * shows events.
 *
 * @param from   the phase before, empty when the app first appeared
 * @param reason why, in the words of the decision that made the change
 */
public record Transition(Instant at, Optional<Phase> from, Phase to, String reason) {}
