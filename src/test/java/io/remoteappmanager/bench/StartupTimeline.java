package io.remoteappmanager.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where a packaged controller's start went, read from its own log: each step's first line, as milliseconds since the
 * process was launched. The log's lines begin with the wall-clock time of day ({@code HH:mm:ss.SSS}), so the steps
 * need no hook in the product; a step with no line is left out.
 */
final class StartupTimeline {

    private StartupTimeline() {}

    /**
     * The steps of a start on a realm where {@code missing} (a {@code user/name} key) is the one app to create: the
     * application up, the realm listed, the first pass's status, that app's create answered, and it Running.
     */
    static Map<String, Double> of(Path log, LocalTime launched, String missing) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the controller's log " + log, e);
        }
        Map<String, Predicate<String>> steps = new LinkedHashMap<>();
        steps.put("Quarkus started (its 'started in')", l -> l.contains("[quarkus]") && l.contains(" started in "));
        steps.put("realm listed (cache trusted)", l -> l.contains("[ObservedCache] observed "));
        steps.put("first pass published its status", l -> l.contains("[AppUrlLog] app "));
        steps.put("the missing app's create and start answered", l -> l.contains("[Actuator] create " + missing + ":"));
        steps.put("the missing app Running (probed)", l -> l.contains("app " + missing + ": Running"));
        Map<String, Double> timeline = new LinkedHashMap<>();
        steps.forEach((step, matches) -> lines.stream().filter(matches).findFirst().flatMap(StartupTimeline::timeOf)
                .ifPresent(at -> timeline.put(step, Duration.between(launched, at).toNanos() / 1e6)));
        return timeline;
    }

    /** The time of day a process launched now would stamp on its log lines. */
    static LocalTime now() {
        return LocalTime.now(ZoneId.systemDefault());
    }

    private static Optional<LocalTime> timeOf(String line) {
        try {
            return Optional.of(LocalTime.parse(line.substring(0, Math.min(12, line.length()))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
