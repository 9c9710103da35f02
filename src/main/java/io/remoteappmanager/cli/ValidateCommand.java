package io.remoteappmanager.cli;

import io.remoteappmanager.app.SpecSources;
import io.remoteappmanager.config.StandaloneConfig;
import io.remoteappmanager.model.DesiredState;
import io.remoteappmanager.model.SpecProblem;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        DesiredState desired = SpecSources.oneOff(directory, StandaloneConfig.load(Map.of())).read();
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
