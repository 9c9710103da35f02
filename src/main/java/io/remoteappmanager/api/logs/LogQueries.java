package io.remoteappmanager.api.logs;

import io.quarkus.runtime.configuration.DurationConverter;
import io.remoteappmanager.api.ApiException;
import io.remoteappmanager.runtime.LogQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Turns the logs endpoint's query parameters into a {@link LogQuery}, refusing with 400 what is malformed or too large. */
final class LogQueries {

    private LogQueries() {}

    /**
     * @param tail    the last lines wanted; absent: as many as {@code maxTail} allows
     * @param since   an instant ({@code 2026-12-05T10:00:00Z}) or how long ago ({@code 10m}, {@code 90s},
     *                {@code PT1H}); absent or blank: no limit
     * @param maxTail {@code ram.logs.max-tail}
     */
    static LogQuery of(Integer tail, String since, boolean follow, boolean previous, int maxTail, Instant now) {
        int lines = tail == null ? maxTail : tail;
        if (lines < 1) {
            throw new ApiException(400, "tail must be at least 1, got " + lines);
        }
        if (lines > maxTail) {
            throw new ApiException(400, "tail " + lines + " is above the largest allowed, " + maxTail
                    + " (ram.logs.max-tail)");
        }
        return new LogQuery(lines, since(since, now), follow, previous);
    }

    private static Optional<Instant> since(String since, Instant now) {
        if (since == null || since.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(since.strip()));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(now.minus(DurationConverter.parseDuration(since.strip())));
            } catch (IllegalArgumentException notADuration) {
                throw new ApiException(400, "since must be an instant such as 2026-12-05T10:00:00Z or a duration such"
                        + " as 10m, 90s or PT1H, got '" + since + "'");
            }
        }
    }
}
