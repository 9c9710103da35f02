package io.remoteappmanager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion bash|zsh}: picocli's script for the whole tree, which bash loads and completes commands with. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @Test
    void bashCompletesCommandsResourcesAndOptions() throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.code()).as(run.err()).isZero();
        Path script = Files.writeString(dir.resolve("remoteappmanager.bash"), run.out());

        assertThat(complete(script, "remoteappmanager", "")).contains("get", "describe", "logs", "reconcile", "completion");
        assertThat(complete(script, "remoteappmanager", "get", "")).contains("apps");
        assertThat(complete(script, "remoteappmanager", "get", "apps", "--s")).isEqualTo("--server");
        assertThat(complete(script, "remoteappmanager", "logs", "bob", "--p")).isEqualTo("--previous");
    }

    @Test
    void zshGetsTheScriptThatLoadsBashcompinitItself() {
        CliRun zsh = CliRun.of("completion", "zsh");

        assertThat(zsh.code()).isZero();
        assertThat(zsh.out()).isEqualTo(CliRun.of("completion", "bash").out()).contains("bashcompinit");
    }

    @Test
    void anotherShellIsAUsageError() {
        CliRun run = CliRun.of("completion", "fish");

        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains("bash, zsh");
    }

    /** What bash offers for the last word of {@code words}, with the script loaded. */
    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        String line = String.join(" ", words);
        String program = "source " + script + "; COMP_WORDS=(" + line + (words[words.length - 1].isEmpty() ? "''" : "")
                + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_remoteappmanager; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt: bash is not completing for real
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
