package io.remoteappmanager.source.git;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The git source's meters: {@code ram_source_revision{type="git",revision=...}} (an info gauge, 1, whose label is
 * the commit in force), {@code ram_git_fetch_failures_total} and {@code ram_git_last_fetch_seconds} (when the remote
 * last answered, epoch seconds), so an alert can fire on a source that stopped moving. No URL, no credential.
 */
final class GitMetrics {

    private final MeterRegistry registry;
    private final Counter failures;
    private final AtomicLong lastFetch = new AtomicLong();
    private Gauge revision;

    GitMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failures = Counter.builder("ram.git.fetch.failures")
                .description("fetches of the git spec source that failed (the last good commit stays)")
                .register(registry);
        Gauge.builder("ram.git.last.fetch", lastFetch, AtomicLong::get).baseUnit("seconds")
                .description("when the git remote last answered a fetch, in seconds since the epoch (0: never)")
                .register(registry);
    }

    void fetched(Instant at) {
        lastFetch.set(at.getEpochSecond());
    }

    void failed() {
        failures.increment();
    }

    /** The commit now in force: the info gauge moves to its label. */
    synchronized void revision(String commit) {
        if (revision != null) {
            registry.remove(revision);
        }
        revision = Gauge.builder("ram.source.revision", () -> 1).tag("type", "git").tag("revision", commit)
                .description("1, labelled with the commit the desired state is read from")
                .register(registry);
    }
}
