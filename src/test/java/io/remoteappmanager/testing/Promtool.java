package io.remoteappmanager.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's promtool, for the tests of the alerting rules in deploy/prometheus: scripts/promtool.sh installs it when
 * it is missing (scripts/test.sh does so first); where it cannot be installed, {@link #find} is empty.
 */
public final class Promtool {

    /** What one run printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {}

    private final Path binary;

    private Promtool(Path binary) {
        this.binary = binary;
    }

    /** The installed promtool, installing it with scripts/promtool.sh if needed; empty if that fails. */
    public static Optional<Promtool> find() {
        Path binary = Path.of(System.getenv().getOrDefault("RAM_TEST_PROMTOOL", "/usr/bin/promtool"));
        if (!Files.isExecutable(binary) && !Scripts.succeeds(Map.of(), "promtool.sh", "install")) {
            return Optional.empty();
        }
        return Files.isExecutable(binary) ? Optional.of(new Promtool(binary)) : Optional.empty();
    }

    /** Runs {@code promtool <args>} in the project's folder. */
    public Result run(String... args) {
        List<String> command = Stream.concat(Stream.of(binary.toString()), Stream.of(args)).toList();
        Scripts.Outcome outcome = Scripts.execute(command, Map.of(), true, 60);
        return new Result(outcome.exitCode(), outcome.stdout());
    }
}
