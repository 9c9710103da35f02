package io.remoteappmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs one of the project's scripts (scripts/NAME.sh VERB ...) from a test and returns what it printed. */
final class Scripts {

    private static final long TIMEOUT_SECONDS = 300;

    /** How a command exited and what it printed. */
    record Outcome(int exitCode, String stdout) {}

    private Scripts() {}

    /**
     * Runs {@code scripts/<script> <args>} with {@code env} added to this JVM's environment and returns its
     * stdout; its stderr (progress) goes to the test's output. Fails unless it exits 0.
     */
    static String run(Map<String, String> env, String script, String... args) {
        Outcome outcome = exec(env, script, args);
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("scripts/" + script + " " + String.join(" ", args) + " exited " + outcome.exitCode());
        }
        return outcome.stdout();
    }

    /** As {@link #run}, for a script that answers a question by its exit code. */
    static boolean succeeds(Map<String, String> env, String script, String... args) {
        return exec(env, script, args).exitCode() == 0;
    }

    private static Outcome exec(Map<String, String> env, String script, String... args) {
        List<String> command = Stream.concat(Stream.of("bash", "scripts/" + script), Stream.of(args)).toList();
        return execute(command, env, false, TIMEOUT_SECONDS);
    }

    /**
     * Runs {@code command} with {@code env} added to this JVM's environment, for at most {@code timeoutSeconds}, and
     * returns its stdout, with its stderr when {@code withStderr} (else that goes to the test's output).
     */
    static Outcome execute(List<String> command, Map<String, String> env, boolean withStderr, long timeoutSeconds) {
        Path out = null;
        try {
            // stdout to a file, not a pipe: waiting on a pipe would hang on a command that never exits.
            out = Files.createTempFile("ram-command", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile());
            if (withStderr) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeoutSeconds + "s");
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }
}
