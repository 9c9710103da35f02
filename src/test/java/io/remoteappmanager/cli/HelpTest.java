package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --help} on the jar's entry point and on every command prints that command's usage and exits 0, in a
 * process of its own as a user runs it: {@code run --help} must explain itself, not start a controller.
 */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "validate", "plan", "get", "describe", "logs", "reconcile", "completion"})
    void everyCommandExplainsItselfAndExits(String command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        if (!command.isEmpty()) {
            line.add(command);
        }
        line.add("--help");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        process.getOutputStream().close();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("exited by itself; output: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Usage: remoteappmanager" + (command.isEmpty() ? " " : " " + command + " "));
        assertThat(output).doesNotContain("watching").doesNotContain("Installed features");
    }
}
