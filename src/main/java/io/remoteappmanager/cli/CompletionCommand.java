package io.remoteappmanager.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code completion bash|zsh}: the shell completion script of the whole command tree, made by picocli's generator
 * from the commands themselves, so it never falls behind them. The script completes the command
 * {@value #COMMAND} (a wrapper that runs the jar); zsh runs the same script through its bashcompinit, which the script
 * loads itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for the command '" + CompletionCommand.COMMAND + "'.",
                "bash: source <(remoteappmanager completion bash)",
                "zsh:  source <(remoteappmanager completion zsh)   (runs the bash script through bashcompinit)"})
final class CompletionCommand implements Callable<Integer> {

    /** The command name the script completes: put a wrapper by this name on the PATH that runs the jar. */
    static final String COMMAND = "remoteappmanager";

    /** The shells with a script. */
    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // one script for both: picocli's bash script enables bashcompinit itself when zsh sources it
        spec.commandLine().getOut().print(AutoComplete.bash(COMMAND, spec.root().commandLine()));
        return 0;
    }
}
