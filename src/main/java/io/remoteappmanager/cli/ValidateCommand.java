package io.remoteappmanager.cli;

import io.remoteappmanager.app.ToolConfig;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.source.git.GitSourceException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code validate DIR} or {@code validate --git URL [--ref R] [--path P]}, with {@code --secrets-dir S}: reads the specs as the controller would and
 * prints every problem as {@code file:line: message}; with {@code ram.secrets.dir} set, a secret a spec names that is not
 * there is one of them (its content is never printed).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check every spec in DIR, or in one ref of a git repository (--git URL); "
        + "exit 0 when valid, 1 when not (or the repository cannot be read), 2 on a usage error.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SpecSourceOptions source;

    @CommandLine.Option(names = "--secrets-dir", paramLabel = "DIR",
            description = "check that every secret a spec names is a readable file here (default: ram.secrets.dir; "
                    + "unset: secrets are not checked)")
    Path secretsDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ToolConfig config = ToolConfig.load(secretsDir == null ? Map.of() : Map.of("ram.secrets.dir", secretsDir.toString()));
        try (SpecSourceOptions.Opened opened = source.open(config)) {
            DesiredState desired = config.checkingSecrets(opened.source()).read();
            for (SpecProblem problem : desired.problems()) {
                spec.commandLine().getOut().println(problem);
            }
            if (!desired.problems().isEmpty()) {
                spec.commandLine().getOut().printf("%s: %d problem(s)%n", opened.name(), desired.problems().size());
                return Cli.FINDING;
            }
            spec.commandLine().getOut().printf("%s: %d app(s), valid%n", opened.name(), desired.apps().size());
            return 0;
        } catch (GitSourceException e) {
            spec.commandLine().getErr().println("cannot read the git repository: " + e.getMessage());
            return Cli.FINDING;
        }
    }
}
