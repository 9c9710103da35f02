package io.remoteappmanager.api;

import io.remoteappmanager.proxy.ProxyStatus;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The controller at a glance: the last pass (when and why it ran, what it planned), whether the engine can be
 * trusted, spec problems, and the reverse proxy's routes.
 */
public record StatusView(Instant finishedAt, long durationMillis, String trigger, int actions, int failures,
        boolean engineReachable, String engineError, List<String> problems, List<String> warnings, ProxyView proxy) {

    static StatusView of(StatusSnapshot snapshot, ProxyStatus.Snapshot proxy) {
        PassSummary s = snapshot.lastPass();
        return new StatusView(s.finishedAt().orElse(null), s.duration().toMillis(), s.trigger(), s.actions(),
                s.failures(), snapshot.engine().trusted(), snapshot.engine().error().orElse(null), s.problems(),
                s.warnings(), ProxyView.of(proxy));
    }
}
