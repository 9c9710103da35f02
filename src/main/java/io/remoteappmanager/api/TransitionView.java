package io.remoteappmanager.api;

import io.remoteappmanager.model.Phase;
import io.remoteappmanager.status.Transition;
import java.time.Instant;

/** One phase change of an app as the API shows it: {@code from} is null when the app first appeared. */
public record TransitionView(Instant at, String from, String to, String reason) {

    static TransitionView of(Transition t) {
        return new TransitionView(t.at(), t.from().map(Phase::name).orElse(null), t.to().name(), t.reason());
    }
}
