package io.remoteappmanager.cli;

import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import io.remoteappmanager.policy.SpecPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code validate DIR}: reads the spec directory as the controller would and prints every problem as {@code file:line: message}. */
@Command(name = "validate", description = "Check every spec in DIR; exit 0 when valid, 1 when not, 2 on a usage error.")
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Mixin
    SpecDirArgument dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path directory = dir.require();
        DesiredState desired = SpecPolicy.directory(directory, StandaloneConfig.load(Map.of()), Duration.ZERO).read();
        for (SpecProblem problem : desired.problems()) {
            spec.commandLine().getOut().println(problem);
        }
        if (!desired.problems().isEmpty()) {
            spec.commandLine().getErr().printf("%s: %d problem(s)%n", directory, desired.problems().size());
            return Cli.FINDING;
        }
        spec.commandLine().getOut().printf("%s: %d app(s), valid%n", directory, desired.apps().size());
        return 0;
    }
}
