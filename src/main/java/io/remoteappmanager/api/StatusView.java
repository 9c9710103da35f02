package io.remoteappmanager.api;

import io.remoteappmanager.proxy.ProxyStatus;
import io.remoteappmanager.status.PassSummary;
import java.time.Instant;
import java.util.List;

/**
 * The last pass at a glance: when and why it ran, what it did, whether the engine answered, spec problems,
 * and the reverse proxy's routes after it.
 */
public record StatusView(Instant finishedAt, long durationMillis, String trigger, int actions, int failures,
        boolean engineReachable, String engineError, List<String> problems, List<String> warnings, ProxyView proxy) {

    public static StatusView of(PassSummary s, ProxyStatus.Snapshot proxy) {
        return new StatusView(s.finishedAt().orElse(null), s.duration().toMillis(), s.trigger(), s.actions(),
                s.failures(), s.engineReachable(), s.engineError().orElse(null), s.problems(), s.warnings(),
                ProxyView.of(proxy));
    }
}
