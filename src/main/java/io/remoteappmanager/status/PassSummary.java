package io.remoteappmanager.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the last reconcile pass saw and set in motion, for the API, the dashboard and metrics.
 *
 * @param actions     the actions it planned (carried out by the workers after it)
 * @param failures    apps whose last action failed, as the pass found them
 * @param engineError why the observed state could not be trusted, if it could not (then nothing was done)
 * @param problems    the spec source's problems, as {@code file:line: message}
 * @param warnings    pass-wide warnings, such as pruning held back because the source gave no app
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
}
