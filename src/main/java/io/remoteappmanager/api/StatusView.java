package io.remoteappmanager.api;

import io.remoteappmanager.source.SourceStatus;
import io.remoteappmanager.status.PassSummary;
import io.remoteappmanager.status.StatusSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The last pass at a glance: when and why it ran, what it did, whether the engine answered, spec problems,
 * the reverse proxy's routes after it, the spec source (with the commit in force for a git source) and who leads.
 */
public record StatusView(Instant finishedAt, long durationMillis, String trigger, int actions, int failures,
        boolean engineReachable, String engineError, List<String> problems, List<String> warnings, ProxyView proxy,
        SourceView source, LeaderView leader) {

    public static StatusView of(StatusSnapshot snapshot) {
        PassSummary s = snapshot.lastPass();
        return new StatusView(s.finishedAt().orElse(null), s.duration().toMillis(), s.trigger(), s.actions(),
                s.failures(), snapshot.engine().trusted(), snapshot.engine().error().orElse(null), s.problems(),
                s.warnings(), ProxyView.of(snapshot.proxy()), SourceView.of(snapshot.source()),
                LeaderView.of(snapshot.leader()));
    }
}
