package io.remoteappmanager.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the last reconcile pass saw and did, for readiness, the API and metrics.
 *
 * @param engineError why the engine could not be listed, if it could not (then nothing was done)
 * @param problems    the spec directory's problems, as {@code file:line: message}
 * @param warnings    pass-wide warnings, such as pruning held back by an empty directory
 */
public record PassSummary(
        Optional<Instant> finishedAt,
        Duration duration,
        String trigger,
        int actions,
        int failures,
        Optional<String> engineError,
        List<String> problems,
        List<String> warnings) {

    public static final PassSummary NONE = new PassSummary(Optional.empty(), Duration.ZERO, "none", 0, 0,
            Optional.empty(), List.of(), List.of());

    public PassSummary {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean engineReachable() {
        return engineError.isEmpty();
    }
}
